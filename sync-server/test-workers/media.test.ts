import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { MessageContentSchema } from "@inbox/shared";
import type { R2Bucket } from "../src/worker/cf-types.ts";
import { db, ORIGIN, postWebhook, signIn, telegramUpdate } from "./edge-env.ts";
import { eventually } from "./y-client.ts";

// Media on Workers: a platform's file is downloaded into the MEDIA R2 bucket while the webhook
// is processed, and served from there at /media/<key> to signed-in agents only.

const MEDIA = (env as unknown as { MEDIA: R2Bucket }).MEDIA;

/** What the Telegram fake serves for a file id (connectors/telegram/fake.ts `fakeFileBytes`). */
function fakeFileBytes(fileId: string): Uint8Array {
  return new Uint8Array([0xff, 0xd8, ...new TextEncoder().encode(fileId), 0xff, 0xd9]);
}

let token: string;
beforeAll(async () => {
  token = await signIn();
});

describe("media on Workers", () => {
  it("a Telegram photo is stored in R2 and served at /media/<key> to a signed-in agent, and refused without a session", async () => {
    const fileId = `AgACedge${crypto.randomUUID().replaceAll("-", "")}`;
    const caption = `receipt ${fileId}`;
    const photo = [
      { file_id: `${fileId}-s`, file_unique_id: `u-${fileId}-s`, width: 90, height: 67 },
      { file_id: fileId, file_unique_id: `u-${fileId}`, width: 1280, height: 960 },
    ];
    expect((await postWebhook(telegramUpdate(5550201, { photo, caption }))).status).toBe(200);

    const content = await eventually(async () => {
      const row = (await db.execute({ sql: "select content from messages where content like ?", args: [`%${caption}%`] })).rows[0];
      return row ? MessageContentSchema.parse(JSON.parse(String(row[0]))) : null;
    });
    if (content.kind !== "image") throw new Error(`expected an image, got ${content.kind}`);
    expect(content.url).toMatch(/^\/media\//);
    const key = content.url.slice("/media/".length);

    // The largest size, in the bucket, with its type.
    const object = await MEDIA.get(key);
    expect(object).not.toBeNull();
    expect(new Uint8Array(await object!.arrayBuffer())).toEqual(fakeFileBytes(fileId));
    expect(object!.httpMetadata?.contentType).toBe("image/jpeg");

    const served = await SELF.fetch(`${ORIGIN}/media/${key}`, { headers: { authorization: `Bearer ${token}` } });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(fakeFileBytes(fileId));

    const anonymous = await SELF.fetch(`${ORIGIN}/media/${key}`);
    expect(anonymous.status).toBe(401);
    await anonymous.arrayBuffer();
  });
});
