import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { INVOICE_PDF, PHOTO_JPEG, VOICE_OGG } from "@inbox/connectors/src/demo-media/media.ts";
import type { MessageContent } from "@inbox/shared";
import { messages } from "../db/schema.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// The simulator's customer sends a real photo, voice note and PDF: a signed webhook to the
// channel's real route, then the connector downloads the file from the platform's fake at the
// platform's own media path, and the server keeps it. What the agent gets is the same file.

let server: TestServer;
let token: string;
let channels: { id: string; channel: string; sample: { externalId: string; name: string }; files: boolean }[];
beforeAll(async () => {
  server = await startTestServer();
  token = await server.login("admin@demo.inbox");
  channels = ((await (await server.simulatorApi("/channels")).json()) as { channels: typeof channels }).channels;
});
afterAll(() => server.stop());

const FILES = { image: PHOTO_JPEG, voice: VOICE_OGG, file: INVOICE_PDF } as const;
const KIND = { image: "image", voice: "audio", file: "file" } as const;
const CASES = ["whatsapp", "messenger", "instagram", "telegram", "line", "wechat"].flatMap((channel) =>
  (["image", "voice", "file"] as const).filter((kind) => !(channel === "wechat" && kind !== "image")).map((kind) => ({ channel, kind })),
);

describe("the simulator's media messages", () => {
  it.each(CASES)("a $kind on $channel arrives as a stored file with its type and size", async ({ channel, kind }) => {
    const inbox = channels.find((c) => c.channel === channel)!;
    const latest = async () =>
      (
        await server.core.db
          .select()
          .from(messages)
          .where(and(eq(messages.inboxId, inbox.id), eq(messages.direction, "inbound")))
          .orderBy(desc(messages.seq))
          .limit(1)
      )[0];
    const before = (await latest())?.id;
    const res = await server.simulatorApi(`/inboxes/${inbox.id}/customer`, { customer: inbox.sample, action: { kind } });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    // Platforms date messages in whole seconds: the new message is told by its id, not its time.
    const row = await waitFor(`the ${kind} on ${channel}`, async () => {
      const message = await latest();
      const content = message?.content as MessageContent | undefined;
      return message && message.id !== before && content?.kind === KIND[kind] && content.url.startsWith("/media/") ? content : null;
    });
    const expected = FILES[kind];
    expect(row).toMatchObject({ mimeType: expected.mimeType });
    const media = await server.api(row.url, { token });
    expect(media.status).toBe(200);
    // Files other than images, audio and video are served as downloads (media-routes.ts), never inline.
    expect(media.headers.get("content-type")).toBe(kind === "file" ? "application/octet-stream" : expected.mimeType);
    expect(new Uint8Array(await media.arrayBuffer())).toEqual(expected.bytes);
  });

  it("refuses a file on a channel whose customers cannot send one, in words", async () => {
    const wechat = channels.find((c) => c.channel === "wechat")!;
    expect(wechat.files).toBe(false);
    expect(channels.find((c) => c.channel === "whatsapp")!.files).toBe(true);
    const res = await server.simulatorApi(`/inboxes/${wechat.id}/customer`, { customer: wechat.sample, action: { kind: "file" } });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("cannot send files on wechat");
  });
});
