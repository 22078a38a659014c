/**
 * The agent's queued replies (sync/pending.ts) as the timeline shows them (timeline.ts): once each,
 * in order, until the server's copy takes their place.
 */
import type { Command } from "@inbox/shared";
import { describe, expect, it } from "vitest";
import type { OutboxRow } from "../../local/rows.ts";
import { pendingReplies } from "../../sync/pending.ts";
import { message } from "../../test/fixtures.ts";
import { mergeTimeline } from "./timeline.ts";

let seq = 0;
const row = (command: Command, state: OutboxRow["state"] = "queued"): OutboxRow => ({
  seq: ++seq,
  clientId: command.clientId,
  conversationId: command.conversationId,
  command,
  state,
  createdAt: 100 + seq,
});
const replyRow = (n: number, state: OutboxRow["state"] = "queued") =>
  row({ type: "reply", clientId: `client-${n}`, conversationId: "c1", text: `Reply ${n}`, writtenAt: 2_000 + n }, state);

describe("pending replies in the timeline", () => {
  const me = { id: "u1", name: "Ana" };

  it("shows each queued reply once, in order, as pending", () => {
    const rows = [replyRow(1), replyRow(2), replyRow(3)];
    const timeline = mergeTimeline([message({ createdAt: 1 })], [], pendingReplies(rows, "c1", me));
    expect(timeline.map((m) => m.status)).toEqual(["delivered", "queued", "queued", "queued"]);
    expect(timeline.slice(1).map((m) => m.content.kind === "text" && m.content.text)).toEqual(["Reply 1", "Reply 2", "Reply 3"]);
  });

  it("replaces a pending reply by the server's copy with the same clientId, never showing both", () => {
    const rows = [replyRow(1, "done"), replyRow(2)];
    const serverCopy = message({ id: "m-real", clientId: "client-1", direction: "outbound", senderKind: "agent", createdAt: 2_005 });
    const timeline = mergeTimeline([serverCopy], [], pendingReplies(rows, "c1", me));
    expect(timeline.map((m) => m.id)).toEqual(["m-real", "pending-client-2"]);
  });

  it("shows an accepted reply as sent while its server copy is on the way", () => {
    expect(pendingReplies([replyRow(1, "done")], "c1", me)[0]?.status).toBe("sent");
  });
});
