/**
 * The stored webhook backlog as last counted from the record, for admission control
 * (http/admission.ts). Plain values, so the requests of one Workers isolate can share one: each
 * request there has its own core, and a count kept in a core would start from zero every time.
 */
export interface BacklogReading {
  /** Pending webhooks (any process's) at the last count, less those finished here since. */
  counted: number;
  /** When that count was taken (epoch ms); null: never. */
  at: number | null;
}

/**
 * How the backlog is counted. Node: its own reading, counted at the start of every processing
 * pass. Workers: the isolate's reading, counted again once it is `everyMs` old (a delivery that
 * finds it older starts a pass, which counts first), so an overloaded deployment refuses too,
 * at one count per isolate per interval instead of one per pass.
 */
export interface BacklogCounting {
  reading?: BacklogReading;
  everyMs?: number;
  /**
   * A due count is only a count, never a processing pass: for a core that takes customers'
   * messages but stores no webhooks (the widget's Durable Object on Workers), which must refuse
   * under overload without turning into a webhook processor in a visitor's object.
   */
  countOnly?: boolean;
}

export const newBacklogReading = (): BacklogReading => ({ counted: 0, at: null });
