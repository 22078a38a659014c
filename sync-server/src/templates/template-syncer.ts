import { and, eq, min, sql } from "drizzle-orm";
import { WHATSAPP_ACCOUNT_SETTING } from "@inbox/shared/api/templates";
import type { ChannelsDeps } from "../channels/index.ts";
import { getInboxRow, type InboxRow } from "../db/read-model.ts";
import { templateSyncs } from "../db/schema.ts";
import { LoopJob, PollingLoop } from "../scheduling/polling-loop.ts";
import { syncTemplates } from "./template-sync.ts";

/** A claimed sync is this process's for this long: one that dies with it comes due again after. */
const LEASE_MS = 5 * 60_000;
/** Inboxes without a sync row yet (connected before templates existed) are looked for this often. */
const SCAN_EVERY_MS = 10 * 60_000;
const BATCH = 10;

/**
 * Keeps WhatsApp inboxes' templates current: each inbox's `template_syncs.due_at` says when its
 * next sync is due; a pass claims due ones by moving that time a lease ahead (one conditional
 * update, so several processes never sync one inbox at once) and syncs them. Node runs it from
 * its own loop; a Worker's scheduler through `runDue` (scheduling/jobs.ts).
 */
export class TemplateSyncer extends LoopJob {
  protected readonly loop: PollingLoop;
  private nextScanAt = 0;

  constructor(private readonly core: ChannelsDeps, intervalMs = 60_000) {
    super();
    this.loop = new PollingLoop({ intervalMs, firstDelayMs: 10_000, tick: () => this.syncDue(), failure: "could not sync WhatsApp templates" });
  }

  /** Syncs at once (connect, an admin's "Sync templates"); never throws: the outcome is recorded. */
  async syncNow(inbox: InboxRow, actor?: { kind: "agent" | "system"; id: string | null }) {
    try {
      return await syncTemplates(this.core, inbox, actor);
    } catch (err) {
      console.error(`templates of inbox ${inbox.id} could not be synced`, err);
      return { ok: false as const, reason: "The templates could not be synced; try again in a moment." };
    }
  }

  async runDue(now: number = this.core.now()): Promise<number | null> {
    const taken = await this.loop.exclusive(() => this.syncDue(now));
    if (taken === BATCH) return now;
    const [row] = await this.core.db.select({ next: min(templateSyncs.dueAt) }).from(templateSyncs);
    return row?.next == null ? null : Math.max(row.next, now);
  }

  /** Claims and performs up to a batch of due syncs; returns how many it took. */
  async syncDue(now: number = this.core.now()): Promise<number> {
    const { core } = this;
    if (now >= this.nextScanAt) {
      this.nextScanAt = now + SCAN_EVERY_MS;
      // WhatsApp inboxes with an account id and no sync row yet: due now.
      await core.writer.write([
        core.db.run(sql`
          insert into template_syncs (inbox_id, workspace_id, due_at)
          select id, workspace_id, ${now} from inboxes
          where channel = 'whatsapp' and status != 'disabled'
            and json_extract(settings, ${`$.${WHATSAPP_ACCOUNT_SETTING}`}) is not null
            and id not in (select inbox_id from template_syncs)`),
      ]);
    }
    const due = await core.db.select({ inboxId: templateSyncs.inboxId, dueAt: templateSyncs.dueAt }).from(templateSyncs).where(sql`${templateSyncs.dueAt} <= ${now}`).limit(BATCH);
    let taken = 0;
    for (const d of due) {
      // Claimed only if nobody moved it meanwhile.
      const [claimed] = await core.writer.write([
        core.db
          .update(templateSyncs)
          .set({ dueAt: now + LEASE_MS })
          .where(and(eq(templateSyncs.inboxId, d.inboxId), eq(templateSyncs.dueAt, d.dueAt)))
          .returning({ inboxId: templateSyncs.inboxId }),
      ]);
      if ((claimed as unknown[]).length === 0) continue;
      taken++;
      const inbox = await getInboxRow(core.db, d.inboxId);
      if (!inbox || inbox.status === "disabled") continue;
      await this.syncNow(inbox);
    }
    return taken;
  }
}
