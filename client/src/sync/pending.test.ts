import type { Command } from "@inbox/shared";
import { describe, expect, it } from "vitest";
import type { OutboxRow } from "../local/rows.ts";
import { conversation } from "../test/fixtures.ts";
import { hasQueuedRead, overlayPending, pendingReplies, queuedByConversation, waitingCount } from "./pending.ts";

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

describe("pending changes shown before the server answers", () => {
  it("shows a conversation resolved and high priority while those changes wait offline", () => {
    const rows = [
      row({ type: "status", clientId: "client-s1", conversationId: "c1", status: "resolved" }),
      row({ type: "priority", clientId: "client-p1", conversationId: "c1", priority: "high" }),
      row({ type: "status", clientId: "client-s2", conversationId: "c2", status: "pending" }),
    ];
    const shown = overlayPending(conversation({ id: "c1" }), queuedByConversation(rows).get("c1"));
    expect(shown).toMatchObject({ status: "resolved", priority: "high" });
  });

  it("applies changes in the order the agent made them", () => {
    const rows = [
      row({ type: "status", clientId: "client-s1", conversationId: "c1", status: "resolved" }),
      row({ type: "status", clientId: "client-s2", conversationId: "c1", status: "open" }),
    ];
    expect(overlayPending(conversation(), queuedByConversation(rows).get("c1")).status).toBe("open");
  });

  it("counts changes waiting, but not reads", () => {
    const rows = [replyRow(1), replyRow(2), row({ type: "read", clientId: "client-r1", conversationId: "c1" }), replyRow(3, "done")];
    expect(waitingCount(rows)).toBe(2);
    expect(hasQueuedRead(rows, "c1")).toBe(true);
    expect(hasQueuedRead(rows, "c2")).toBe(false);
  });

  it("a template waiting with its header's image shows as that image captioned with the previewed text, marked as a template", () => {
    const template = { name: "delivery_photo", language: "en_US", header: [], body: [{ text: "Ana" }] };
    const rows = [
      row({ type: "reply", clientId: "client-t1", conversationId: "c1", text: "Hi Ana, here is the photo.", template, content: { kind: "image", url: "local-upload:client-t1", mimeType: "image/jpeg" } }),
    ];
    const [shown] = pendingReplies(rows, "c1", { id: "u1", name: "Ana Agent" });
    expect(shown!.content).toEqual({ kind: "image", url: "local-upload:client-t1", mimeType: "image/jpeg", caption: "Hi Ana, here is the photo.", template });
    expect(shown!.status).toBe("queued");
  });
});
