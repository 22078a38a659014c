import type { Command, CommandResult } from "@inbox/shared";
import { describe, expect, it } from "vitest";
import { ApiError, networkMessage } from "../api/http.ts";
import { createReplayer, type QueuedCommand } from "./outbox-replayer.ts";
import { classifyFailure, refusalResult } from "./outcomes.ts";
import { createUploadResolver, keepForUpload, type KeptStore } from "./kept-uploads.ts";

// A reply with a file picked offline: the outbox keeps it until the server is reachable, then
// the file is uploaded just before the reply, once, and the reply carries the server's url.

function kv(): KeptStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return { map, get: async (k) => map.get(k), put: async (k, v) => void map.set(k, v) };
}

const conversationId = "conv-1";
const reply = (clientId: string, url: string): Command => ({
  type: "reply",
  clientId,
  conversationId,
  text: "",
  content: { kind: "image", url, mimeType: "image/png" },
});

function harness(opts: { uploadFails?: number } = {}) {
  const store = kv();
  const uploads: string[] = [];
  let failUploads = opts.uploadFails ?? 0;
  const resolve = createUploadResolver(store, async (conv, file, filename) => {
    if (failUploads-- > 0) throw new ApiError("network", networkMessage(), 0);
    uploads.push(`${conv}/${filename}/${file.size}`);
    return { url: `/media/${uploads.length}.png`, kind: "image", mimeType: file.type, size: file.size, filename };
  });
  const queue: QueuedCommand[] = [];
  const sent: Command[] = [];
  const answers: CommandResult[] = [];
  const replayer = createReplayer({
    store: {
      next: async (limit, afterSeq) => queue.filter((e) => afterSeq === undefined || e.seq > afterSeq).slice(0, limit),
      settle: async (outcomes) => {
        for (const o of outcomes) {
          answers.push(o.result);
          queue.splice(queue.indexOf(o.entry), 1);
        }
      },
    },
    send: async (commands) => {
      sent.push(...commands);
      return commands.map((c) => ({ clientId: c.clientId, ok: true as const }));
    },
    prepare: resolve,
    classify: classifyFailure,
    refusal: refusalResult,
    backoff: () => 0,
  });
  return { store, uploads, queue, sent, answers, replayer };
}

describe("attachments kept offline", () => {
  it("are uploaded just before their reply is sent, and the reply carries the server's url", async () => {
    const h = harness();
    const url = await keepForUpload(h.store, "c1", new Blob([new Uint8Array(10)], { type: "image/png" }), "photo.png", conversationId);
    h.queue.push({ seq: 1, command: reply("c1", url) }, { seq: 2, command: { type: "read", clientId: "r1", conversationId } });
    h.replayer.kick();
    await h.replayer.whenIdle();
    expect(h.uploads).toEqual(["conv-1/photo.png/10"]);
    expect(h.sent[0]).toMatchObject({ clientId: "c1", content: { kind: "image", url: "/media/1.png" } });
    expect(h.sent[1]).toMatchObject({ type: "read" });
    expect(h.queue).toEqual([]);
  });

  it("a template's header image picked offline is uploaded the same way and the template goes with it", async () => {
    const h = harness();
    const url = await keepForUpload(h.store, "t1", new Blob([new Uint8Array(12)], { type: "image/png" }), "parcel.png", conversationId);
    const template = { name: "delivery_photo", language: "en_US", header: [], body: [{ text: "Ana" }] };
    h.queue.push({ seq: 1, command: { ...reply("t1", url), text: "Hi Ana", template } as Command });
    h.replayer.kick();
    await h.replayer.whenIdle();
    expect(h.uploads).toEqual(["conv-1/parcel.png/12"]);
    expect(h.sent).toEqual([expect.objectContaining({ clientId: "t1", template, content: { kind: "image", url: "/media/1.png", mimeType: "image/png" } })]);
  });

  it("a failed upload is retried with the reply, and a stored upload is not repeated", async () => {
    const h = harness({ uploadFails: 2 });
    const url = await keepForUpload(h.store, "c2", new Blob(["x"], { type: "image/png" }), "a.png", conversationId);
    h.queue.push({ seq: 1, command: reply("c2", url) });
    h.replayer.kick();
    await h.replayer.whenIdle();
    expect(h.uploads).toHaveLength(1);
    expect(h.sent).toHaveLength(1);
    // The same command prepared again (a replay after a lost answer) reuses the upload.
    const again = await createUploadResolver(h.store, async () => {
      throw new Error("must not upload again");
    })(reply("c2", url));
    expect(again).toMatchObject({ content: { url: "/media/1.png" } });
  });

  it("a reply whose file is gone from the device is refused and its text kept, not retried forever", async () => {
    const h = harness();
    h.queue.push({ seq: 1, command: reply("c3", "local-upload:missing") });
    h.replayer.kick();
    await h.replayer.whenIdle();
    expect(h.sent).toEqual([]);
    expect(h.answers[0]).toMatchObject({ ok: false, keepAsDraft: true, message: expect.stringMatching(/no longer on this device/) });
  });

  it("replies without a kept file pass unchanged", async () => {
    const h = harness();
    const text: Command = { type: "reply", clientId: "c4", conversationId, text: "hi" };
    const prepared = await createUploadResolver(h.store, async () => {
      throw new Error("no upload expected");
    })(text);
    expect(prepared).toBe(text);
  });
});
