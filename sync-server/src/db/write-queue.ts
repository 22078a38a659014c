import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "./database.ts";
import { defer } from "./defer.ts";

type Statements = readonly BatchItem<"sqlite">[];

interface Job {
  statements: Statements;
  resolve(results: unknown[]): void;
  reject(error: unknown): void;
}

/**
 * Group commit. SQLite has one writer and a commit costs a disk sync, so concurrent writers
 * queue here and each flush commits every waiting job in one transaction. A job is a list of
 * statements that must commit together (a message, its event, its conversation update).
 * If a batch fails, its jobs are retried one by one so one bad job cannot sink the others.
 */
export class WriteQueue {
  private queue: Job[] = [];
  private flushing = false;

  constructor(
    private readonly db: Database,
    private readonly maxJobsPerBatch = 256,
  ) {}

  /** Resolves with the per-statement results once the statements are committed. */
  write(statements: Statements): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ statements, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        defer(() => void this.flush());
      }
    });
  }

  /**
   * Jobs waiting for a commit (not counting the batch being committed): how far the one writer
   * is behind. Admission control (http/admission.ts) refuses new work while this is too long.
   */
  get depth(): number {
    return this.queue.length;
  }

  /** Resolves when everything queued so far has been committed or failed. */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length > 0) await new Promise((r) => setTimeout(r, 1));
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const jobs = this.queue.splice(0, this.maxJobsPerBatch);
        await this.commit(jobs);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async commit(jobs: Job[]): Promise<void> {
    const all = jobs.flatMap((j) => j.statements) as unknown as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]];
    try {
      const results = (await this.db.batch(all)) as unknown[];
      let offset = 0;
      for (const job of jobs) {
        job.resolve(results.slice(offset, offset + job.statements.length));
        offset += job.statements.length;
      }
    } catch (error) {
      if (jobs.length === 1) {
        jobs[0]!.reject(error);
        return;
      }
      for (const job of jobs) await this.commit([job]);
    }
  }
}

