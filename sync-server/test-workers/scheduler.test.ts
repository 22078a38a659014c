import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { DurableObjectNamespace, DurableObjectState } from "../src/worker/cf-types.ts";
import { command, db, e, ORIGIN, postWebhook, signIn, telegramUpdate } from "./edge-env.ts";
import { eventually } from "./y-client.ts";

// Scheduled jobs on Workers: the singleton SchedulerObject's alarm runs what is due (a snooze
// wake-up, webhooks nobody finished, the retention prune) against libSQL, as the Node server's
// timers do.

const SCHEDULER = (env as unknown as { SCHEDULER: DurableObjectNamespace }).SCHEDULER;
// The singleton's name (scheduler-object.ts).
const scheduler = () => SCHEDULER.get(SCHEDULER.idFromName("scheduler"));

let token: string;
beforeAll(async () => {
  token = await signIn();
});

async function conversationOf(text: string): Promise<string> {
  return eventually(async () => {
    const rows = await db.execute({ sql: "select conversation_id from messages where text = ?", args: [text] });
    return rows.rows[0] ? String(rows.rows[0][0]) : null;
  });
}

describe("the scheduler on Workers", () => {
  it("a snoozed conversation whose time has come is woken by the scheduler's alarm: open again, with its event", async () => {
    const text = `Wake me later ${crypto.randomUUID()}`;
    expect((await postWebhook(telegramUpdate(5550101, { text }))).status).toBe(200);
    const conversationId = await conversationOf(text);

    const until = Date.now() + 3_600_000;
    await command(token, [{ type: "status", clientId: crypto.randomUUID(), conversationId, status: "snoozed", snoozedUntil: until }]);
    // Snoozing is a write, so the Worker asked the scheduler to look: its alarm is now set, no
    // later than the snooze's end (another job may come due first).
    const alarm = await eventually(async () => {
      const at = await runInDurableObject(scheduler(), (_instance: unknown, state: DurableObjectState) => state.storage.getAlarm());
      return at !== null && at <= until ? at : null;
    });
    expect(alarm).toBeGreaterThan(0);

    // An hour passes: the snooze's end is now in the past.
    await db.execute({ sql: "update conversations set snoozed_until = ? where id = ?", args: [Date.now() - 1000, conversationId] });
    const before = await db.execute({ sql: "select status from conversations where id = ?", args: [conversationId] });
    expect(String(before.rows[0]![0])).toBe("snoozed");

    expect(await runDurableObjectAlarm(scheduler())).toBe(true);

    const after = await db.execute({ sql: "select status, snoozed_until from conversations where id = ?", args: [conversationId] });
    expect({ status: after.rows[0]![0], snoozedUntil: after.rows[0]![1] }).toEqual({ status: "open", snoozedUntil: null });
    const woke = await db.execute({ sql: "select count(*) from events where conversation_id = ? and type = 'conversation.woke'", args: [conversationId] });
    expect(Number(woke.rows[0]![0])).toBe(1);
    // Nothing is snoozed any more in this conversation, and a second run wakes nothing twice.
    await runDurableObjectAlarm(scheduler());
    const again = await db.execute({ sql: "select count(*) from events where conversation_id = ? and type = 'conversation.woke'", args: [conversationId] });
    expect(Number(again.rows[0]![0])).toBe(1);
  });
});

describe("webhooks and their retention on Workers", () => {
  it("a webhook left claimed by a process that died (an evicted isolate) is processed by the alarm once its lease runs out", async () => {
    const text = `Left behind ${crypto.randomUUID()}`;
    // Stored and claimed as a Worker does it, then that isolate went away mid-batch: its lease
    // is not renewed and has run out.
    await db.execute({
      sql: "insert into webhook_events (inbox_id, method, url, headers, body, state, received_at, claimed_by, claimed_until) values (?, 'POST', ?, '{}', ?, 'pending', ?, 'evicted-isolate/1', ?)",
      args: [e.TELEGRAM_INBOX_ID, `${ORIGIN}/webhooks/telegram/${e.TELEGRAM_INBOX_ID}`, JSON.stringify(telegramUpdate(5550102, { text })), Date.now() - 60_000, Date.now() - 1],
    });
    // The alarm comes (it may fire on its own before this runs it).
    await runInDurableObject(scheduler(), (_instance: unknown, state: DurableObjectState) => state.storage.setAlarm(Date.now()));
    await runDurableObjectAlarm(scheduler());
    await conversationOf(text);
    const row = await eventually(async () => {
      const r = await db.execute({ sql: "select state, claimed_by from webhook_events where body like ?", args: [`%${text}%`] });
      return r.rows[0]![0] === "done" ? r.rows[0]! : null;
    });
    expect({ state: row[0], claimedBy: row[1] }).toEqual({ state: "done", claimedBy: null });
  });

  it("the alarm prunes processed webhooks past their retention window", async () => {
    const old = Date.now() - 8 * 24 * 3600_000;
    const inserted = await db.execute({
      sql: "insert into webhook_events (inbox_id, method, url, headers, body, state, received_at, processed_at) values (?, 'POST', ?, '{}', '{}', 'done', ?, ?) returning id",
      args: [e.TELEGRAM_INBOX_ID, `${ORIGIN}/webhooks/telegram/${e.TELEGRAM_INBOX_ID}`, old, old],
    });
    const id = Number(inserted.rows[0]![0]);
    await runInDurableObject(scheduler(), (_instance: unknown, state: DurableObjectState) => state.storage.setAlarm(Date.now()));
    await runDurableObjectAlarm(scheduler());
    await eventually(async () => {
      const left = await db.execute({ sql: "select count(*) from webhook_events where id = ?", args: [id] });
      return Number(left.rows[0]![0]) === 0;
    });
  });
});
