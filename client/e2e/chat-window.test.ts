import { crc32, deflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { eq } from "drizzle-orm";
import type { ChannelType } from "@inbox/shared";
import type { Connector } from "@inbox/connectors";
import { messages, outbox } from "../../sync-server/src/db/schema.ts";
import { audioMessage, buildWebhook, imageMessage, textMessage } from "@inbox/connectors/whatsapp/fake.ts";
import type { WhatsappCredentials } from "@inbox/connectors/whatsapp/config.ts";
import { loadUser } from "../../sync-server/src/db/read-model.ts";
import { sendAgentReply } from "../../sync-server/src/messages/index.ts";
import { waitFor } from "../../sync-server/src/testing/test-server.ts";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation, reply, timeline } from "./support/inbox-page.ts";

// The chat window in a real browser: a WhatsApp customer's photo and voice note (real, decodable
// files served by the simulator's WhatsApp fake, fetched into the blob store by the server), the
// "new messages" jump while scrolled up, a failed reply sent again with Retry, messages of one
// second in the order written, and a reply that may not have been sent.

const app = useInbox();
let inboxId: string;
let credentials: WhatsappCredentials;
beforeAll(async () => {
  const row = (await app.server.core.db.query.inboxes.findMany()).find((r) => r.channel === "whatsapp")!;
  inboxId = row.id;
  credentials = (await app.server.core.secrets.open(row.secretsEnc!)) as unknown as WhatsappCredentials;
});

/** A w×h PNG of one colour. */
function png(w: number, h: number, rgb: [number, number, number]): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]),
  );
}

/** `seconds` of a 440 Hz tone as an 8 kHz, 8-bit mono WAV. */
function wav(seconds: number): Uint8Array {
  const rate = 8000;
  const n = rate * seconds;
  const buf = Buffer.alloc(44 + n);
  buf.write("RIFF", 0, "latin1");
  buf.writeUInt32LE(36 + n, 4);
  buf.write("WAVEfmt ", 8, "latin1");
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate, 28);
  buf.writeUInt16LE(1, 32);
  buf.writeUInt16LE(8, 34);
  buf.write("data", 36, "latin1");
  buf.writeUInt32LE(n, 40);
  for (let i = 0; i < n; i++) buf[44 + i] = 128 + Math.round(60 * Math.sin((2 * Math.PI * 440 * i) / rate));
  return new Uint8Array(buf);
}

/** Puts a file on the WhatsApp fake (as the platform would hold the customer's upload); returns its media id. */
async function uploadToPlatform(bytes: Uint8Array, type: string, filename: string): Promise<string> {
  const form = new FormData();
  form.set("messaging_product", "whatsapp");
  form.set("type", type);
  form.set("file", new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), filename);
  // Only the server's connectors reach the fakes (in-process), so the test goes the same way.
  const res = await app.server.core.endpoints.simulatorFetch(`${app.server.url}/simulator/platform/${inboxId}/v21.0/${credentials.phoneNumberId}/media`, {
    method: "POST",
    headers: { authorization: `Bearer ${credentials.accessToken}` },
    body: form,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

/** The customer's message arrives as Meta's signed webhook. */
async function customerSends(payload: Record<string, unknown>): Promise<void> {
  const { headers, body } = buildWebhook(payload, credentials);
  const res = await fetch(`${app.server.url}/webhooks/whatsapp/${inboxId}`, { method: "POST", headers, body });
  expect(res.status).toBe(200);
  await app.server.core.webhooks.idle();
}

async function simulate(path: string, body: unknown) {
  const res = await app.server.simulatorApi(`/inboxes/${inboxId}/${path}`, body);
  expect(res.status).toBe(200);
}

async function agentOpens(name: string): Promise<Page> {
  const page = await app.signIn("ana@demo.inbox");
  await page.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: new RegExp(name) }).first().waitFor({ timeout: 15_000 });
  await openConversation(page, name);
  return page;
}

const customer = (externalId: string, name: string) => ({ from: externalId, name, phoneNumberId: credentials.phoneNumberId });

// Platforms stamp messages in whole seconds: give each its own second, so their order is the order sent.
let clock = Math.floor(Date.now() / 1000) - 3600;
const next = () => ({ timestamp: ++clock });

describe("the chat window", () => {
  it("shows a customer's image in a viewer and plays their voice note, with its duration", async () => {
    const who = customer("5511960000001", "Photo Paula");
    await customerSends(textMessage({ ...who, ...next(), text: "Look at this" }));
    await customerSends(imageMessage({ ...who, ...next(), mediaId: await uploadToPlatform(png(40, 30, [200, 30, 30]), "image/png", "red.png"), mimeType: "image/png", caption: "the broken lid" }));
    await customerSends(imageMessage({ ...who, ...next(), mediaId: await uploadToPlatform(png(30, 40, [30, 30, 200]), "image/png", "blue.png"), mimeType: "image/png", caption: "and the box" }));
    await customerSends(audioMessage({ ...who, ...next(), mediaId: await uploadToPlatform(wav(2), "audio/wav", "note.wav"), mimeType: "audio/wav", voice: true }));

    const page = await agentOpens("Photo Paula");
    const log = timeline(page);

    // The image is shown inline and opens the viewer; arrows page through the conversation's images.
    const open = log.getByRole("button", { name: "Open image: the broken lid" });
    await open.waitFor();
    await waitFor("image decoded", () => open.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 40));
    await open.click();
    const viewer = page.getByRole("dialog", { name: "Image viewer" });
    await viewer.getByText("Image 1 of 2").waitFor();
    expect(await viewer.getByRole("img", { name: "the broken lid" }).isVisible()).toBe(true);
    await page.keyboard.press("ArrowRight");
    await viewer.getByText("Image 2 of 2").waitFor();
    expect(await viewer.getByRole("img", { name: "and the box" }).isVisible()).toBe(true);
    expect(await viewer.getByRole("button", { name: "Next image" }).isDisabled()).toBe(true);
    await viewer.getByRole("button", { name: "Previous image" }).click();
    await viewer.getByText("Image 1 of 2").waitFor();
    await page.keyboard.press("Escape");
    await viewer.waitFor({ state: "hidden" });
    // Focus is back on the image that opened it.
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);

    // The voice note has a player: its duration from the file, play and pause.
    const player = log.getByRole("group", { name: "Voice note" });
    await player.getByText("0:02").waitFor();
    await player.getByRole("button", { name: "Play voice note" }).click();
    await player.getByRole("button", { name: "Pause voice note" }).waitFor();
    await waitFor("playing", () => player.locator("audio").evaluate((a: HTMLAudioElement) => a.currentTime > 0));
    await player.getByRole("button", { name: "Pause voice note" }).click();
    await player.getByRole("button", { name: "Play voice note" }).waitFor();
    await page.context().close();
  });

  it("keeps the view when scrolled up and offers a jump to the new messages, with their count", async () => {
    const who = customer("5511960000002", "Chatty Carla");
    for (let i = 1; i <= 40; i++) await customerSends(textMessage({ ...who, ...next(), text: `message number ${i}` }));
    // Read already (elsewhere): the chat opens at the newest message, not at the first unread.
    const token = await app.server.login("ana@demo.inbox");
    const conv = (await app.server.core.db.query.conversations.findMany()).find((c) => c.contactName === "Chatty Carla")!;
    expect((await app.server.api(`/api/conversations/${conv.id}/read`, { method: "POST", token })).status).toBe(200);
    const page = await agentOpens("Chatty Carla");
    const log = timeline(page);
    await log.getByText("message number 40").waitFor();
    const jumpNewest = page.getByRole("button", { name: /Jump to newest|new message/ });
    expect(await jumpNewest.count()).toBe(0);

    // Scrolled back to the start of the conversation.
    await log.evaluate((el) => (el.scrollTop = 0));
    await log.getByText("Start of the conversation").waitFor();
    await page.getByRole("button", { name: "Jump to newest" }).waitFor();
    const firstTop = () => log.getByText("message number 1", { exact: true }).evaluate((el) => el.getBoundingClientRect().top);
    const before = await firstTop();

    await customerSends(textMessage({ ...who, ...next(), text: "are you there?" }));
    await customerSends(textMessage({ ...who, ...next(), text: "hello??" }));
    const jump = page.getByRole("button", { name: "2 new messages" });
    await jump.waitFor({ timeout: 15_000 });
    expect(await firstTop()).toBe(before); // not yanked down
    await jump.click();
    await waitFor("at the newest", () => log.getByText("hello??").evaluate((el) => {
      const box = el.closest(".timeline")!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return r.bottom <= box.bottom + 1 && r.top >= box.top;
    }));
    await jumpNewest.waitFor({ state: "detached" });
    await page.context().close();
  });

  it("loads earlier messages the device does not have as the agent scrolls back, keeping what they read in place", async () => {
    // More messages than a conversation room carries (500): the oldest only come page by page.
    const session = (await (await app.server.api(`/api/widget/${app.server.seed!.inboxIds.site!}/sessions`, { method: "POST", json: { name: "Long Lena" } })).json()) as { token: string };
    const total = 530;
    for (let i = 1; i <= total; i++) {
      const res = await app.server.api(`/api/widget/${app.server.seed!.inboxIds.site!}/messages`, {
        method: "POST",
        token: session.token,
        json: { clientId: `long-lena-${String(i).padStart(4, "0")}`, text: `long message ${i}` },
      });
      expect(res.status).toBe(201);
    }
    const token = await app.server.login("ana@demo.inbox");
    const conv = (await app.server.core.db.query.conversations.findMany()).find((c) => c.contactName === "Long Lena")!;
    expect((await app.server.api(`/api/conversations/${conv.id}/read`, { method: "POST", token })).status).toBe(200);

    const page = await app.signIn("ana@demo.inbox");
    // The device syncs every message; evict the 30 the room does not carry (as a device short of space would).
    const evicted = await page.evaluate(
      async ([conversationId, expected]) => {
        const open = (name: string) =>
          new Promise<IDBDatabase>((resolve, reject) => {
            const req = indexedDB.open(name);
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
        // The signed-in user's database (not a conversation's work document), once it exists.
        let db: IDBDatabase | null = null;
        for (let tries = 0; !db; tries++) {
          if (tries > 300) throw new Error("no local database");
          const name = (await indexedDB.databases()).map((d) => d.name ?? "").find((n) => n.startsWith("inbox-") && !n.includes("-work."));
          const candidate = name ? await open(name) : null;
          if (candidate?.objectStoreNames.contains("messages")) db = candidate;
          else {
            candidate?.close();
            await new Promise((r) => setTimeout(r, 100));
          }
        }
        const rows = () =>
          new Promise<{ id: string; conversationId: string; content: { text?: string } }[]>((resolve, reject) => {
            const req = db.transaction("messages").objectStore("messages").getAll();
            req.onsuccess = () => resolve((req.result as { id: string; conversationId: string; content: { text?: string } }[]).filter((r) => r.conversationId === conversationId));
            req.onerror = () => reject(req.error);
          });
        for (let tries = 0; (await rows()).length < expected; tries++) {
          if (tries > 300) throw new Error("the device never synced the conversation");
          await new Promise((r) => setTimeout(r, 100));
        }
        const old = (await rows()).filter((r) => Number(/^long message (\d+)$/.exec(r.content.text ?? "")?.[1]) <= 30);
        const tx = db.transaction("messages", "readwrite");
        for (const r of old) tx.objectStore("messages").delete(r.id);
        await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = reject)));
        db.close();
        return old.length;
      },
      [conv.id, total] as const,
    );
    expect(evicted).toBe(30);

    await page.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: /Long Lena/ }).first().click();
    const log = timeline(page);
    await log.getByText("long message 530", { exact: true }).waitFor({ timeout: 15_000 });
    expect(await log.getByText("long message 1", { exact: true }).count()).toBe(0);

    // Scrolled to the top: the oldest message on the device, where it is in the box.
    const oldestHere = log.getByText("long message 31", { exact: true });
    const offsetOf = () => oldestHere.evaluate((el) => el.getBoundingClientRect().top - el.closest(".timeline")!.getBoundingClientRect().top);
    const before = await log.evaluate((el) => {
      el.scrollTop = 0;
      const m = [...el.querySelectorAll(".msg-text")].find((n) => n.textContent === "long message 31")!;
      return m.getBoundingClientRect().top - el.getBoundingClientRect().top;
    });
    await log.getByText("long message 1", { exact: true }).waitFor({ state: "attached", timeout: 15_000 });
    await log.getByText("Start of the conversation").waitFor();
    // The 30 earlier messages came in above without moving what the agent was looking at.
    expect(Math.abs((await offsetOf()) - before)).toBeLessThan(2);
    expect(await log.getByText(/^long message \d+$/).count()).toBe(total);
    await page.context().close();
  });

  it("shows why a reply failed, and Retry sends it", async () => {
    const who = customer("5511960000003", "Retry Rosa");
    await customerSends(textMessage({ ...who, ...next(), text: "anyone?" }));
    const page = await agentOpens("Retry Rosa");
    await simulate("failure", { failure: "blocked" });
    await reply(page, "Yes, I am here");
    const log = timeline(page);
    const bubble = log.getByRole("listitem").filter({ hasText: "Yes, I am here" });
    await bubble.getByText("Failed to send").waitFor({ timeout: 15_000 });
    const reason = (await bubble.locator(".msg-failure-reason").textContent()) ?? "";
    expect(reason.length).toBeGreaterThan(5);

    await simulate("failure", { failure: "none" });
    // A customer who blocked the business is unreachable until they write again.
    await customerSends(textMessage({ ...who, ...next(), text: "sorry, I'm back" }));
    await log.getByText("sorry, I'm back").waitFor({ timeout: 15_000 });
    await bubble.getByRole("button", { name: "Retry" }).click();
    await bubble.getByText(/^(Sent|Delivered)$/).waitFor({ timeout: 15_000 });
    expect(await bubble.getByText("Failed to send").count()).toBe(0);
    // The history says who sent it again.
    await log.getByText("Ana Souza sent a failed reply again").waitFor({ timeout: 15_000 });

    const sent = (await (await app.server.simulatorApi(`/inboxes/${inboxId}/sent`)).json()) as { sent: { text: string | null; status: number }[] };
    expect(sent.sent.filter((s) => s.text === "Yes, I am here" && s.status === 200)).toHaveLength(1);
    await page.context().close();
  });

  it("shows six messages the customer wrote within one second in the order written, stored or arriving live", async () => {
    const who = customer("5511960000004", "Parte Patricia");
    // WhatsApp stamps whole seconds: all six carry the same time.
    const second = next();
    for (let n = 1; n <= 3; n++) await customerSends(textMessage({ ...who, ...second, text: `parte ${n}` }));
    const page = await agentOpens("Parte Patricia");
    const log = timeline(page);
    await log.getByText("parte 3", { exact: true }).waitFor();
    for (let n = 4; n <= 6; n++) await customerSends(textMessage({ ...who, ...second, text: `parte ${n}` }));
    await log.getByText("parte 6", { exact: true }).waitFor({ timeout: 15_000 });
    const shown = await log.locator(".msg-text").allTextContents();
    expect(shown.filter((t) => /^parte \d$/.test(t))).toEqual(["parte 1", "parte 2", "parte 3", "parte 4", "parte 5", "parte 6"]);
    // Opened afresh (from the device's copy and the room), the order holds.
    await page.reload();
    await openConversation(page, "Parte Patricia");
    await timeline(page).getByText("parte 6", { exact: true }).waitFor({ timeout: 15_000 });
    const again = await timeline(page).locator(".msg-text").allTextContents();
    expect(again.filter((t) => /^parte \d$/.test(t))).toEqual(["parte 1", "parte 2", "parte 3", "parte 4", "parte 5", "parte 6"]);
    await page.context().close();
  });

  it("says a reply may not have been sent when the server stopped mid-send, and sends it again only when asked", async () => {
    const who = customer("5511960000005", "Maybe Marta");
    await customerSends(textMessage({ ...who, ...next(), text: "did you get my order?" }));
    const page = await agentOpens("Maybe Marta");
    // The first attempt gets no answer from WhatsApp (a passing failure), and then the process
    // sending it again dies mid-call: the record holds an attempt whose outcome nobody knows.
    const connectors = app.server.core.connectors as Map<ChannelType, Connector>;
    const real = connectors.get("whatsapp")!;
    connectors.set("whatsapp", { ...real, send: async () => ({ ok: false, kind: "retry", reason: "WhatsApp timed out" }) });
    let messageId: string;
    try {
      await reply(page, "It ships today");
      const row = await waitFor("the first attempt", async () => {
        const [m] = await app.server.core.db.select().from(messages).where(eq(messages.text, "It ships today"));
        const o = m && (await app.server.core.db.query.outbox.findFirst({ where: eq(outbox.messageId, m.id) }));
        return o?.attempts === 1 && m;
      });
      messageId = row.id;
      await app.server.core.outbox.idle();
    } finally {
      connectors.set("whatsapp", real);
    }
    await app.server.core.db
      .update(outbox)
      .set({ state: "sending", claimedBy: "killed-server/1", claimedUntil: Date.now() - 1, attemptStartedAt: Date.now() - 1000, attempts: 2 })
      .where(eq(outbox.messageId, messageId));
    await app.server.core.outbox.kick();

    const bubble = timeline(page).getByRole("listitem").filter({ hasText: "It ships today" });
    await bubble.getByText("May not have been sent").waitFor({ timeout: 15_000 });
    expect(await bubble.locator(".msg-failure-reason").textContent()).toMatch(/the customer may not have got it/);
    const sentOf = async () =>
      ((await (await app.server.simulatorApi(`/inboxes/${inboxId}/sent`)).json()) as { sent: { text: string | null; status: number }[] }).sent.filter(
        (s) => s.text === "It ships today" && s.status === 200,
      );
    expect(await sentOf()).toHaveLength(0);

    await bubble.getByRole("button", { name: "Send again" }).click();
    await bubble.getByText(/^(Sent|Delivered)$/).waitFor({ timeout: 15_000 });
    expect(await bubble.getByText("May not have been sent").count()).toBe(0);
    expect(await sentOf()).toHaveLength(1);
    await page.context().close();
  });

  it("offers a bot's quick replies in the web chat widget; the customer's tap answers, linked on the agent's side", async () => {
    const customerPage = await (await app.newContext()).newPage();
    await customerPage.goto(app.server.url + "/demo");
    await customerPage.getByRole("button", { name: "Open chat" }).click();
    const chat = customerPage.getByRole("dialog");
    await chat.getByLabel("Name").fill("Choice Chloe");
    await chat.getByRole("button", { name: "Start chat" }).click();
    await chat.getByRole("textbox", { name: "Message" }).fill("I need help with an order");
    await chat.getByRole("button", { name: "Send" }).click();
    await chat.getByRole("log", { name: "Messages" }).getByText("I need help with an order").waitFor();

    // Quick replies go out as the composer would send them (the same server path as any reply).
    let conversationId: string | undefined;
    await waitFor("conversation", async () => {
      const rows = await app.server.core.db.query.conversations.findMany();
      conversationId = rows.find((r) => r.contactName === "Choice Chloe")?.id;
      return conversationId !== undefined;
    });
    const ana = (await app.server.core.db.query.users.findMany()).find((u) => u.email === "ana@demo.inbox")!;
    const user = { ...(await loadUser(app.server.core.db, ana.id))!, sessionTokenHash: "" };
    await sendAgentReply(app.server.core, user, conversationId!, {
      clientId: "chat-window-quick-1",
      content: { kind: "quick_replies", text: "What do you need?", replies: [{ id: "track", title: "Track my order" }, { id: "refund", title: "Refund" }] },
    });

    const choices = chat.getByRole("group", { name: "Choose a reply" });
    await choices.getByRole("button", { name: "Refund" }).click();
    await chat.getByRole("log", { name: "Messages" }).locator(".msg--customer").getByText("Refund", { exact: true }).waitFor();
    const picked = choices.getByRole("button", { name: /Refund/ });
    await waitFor("answered", async () => (await picked.getAttribute("aria-pressed")) === "true");
    expect(await choices.getByRole("button", { name: "Track my order" }).isDisabled()).toBe(true);
    // Stored as what the customer said, with the id of the reply they tapped.
    const token = await app.server.login("ana@demo.inbox");
    await waitFor("the tap stored with its choice", async () => {
      const res = await app.server.api(`/api/conversations/${conversationId}/messages`, { token });
      const { messages } = (await res.json()) as { messages: { content: unknown }[] };
      return messages.some((m) => JSON.stringify(m.content) === JSON.stringify({ kind: "text", text: "Refund", replyTo: { choiceId: "refund" } }));
    });

    const page = await agentOpens("Choice Chloe");
    const log = timeline(page);
    await log.getByText("Answer to “What do you need?”").waitFor({ timeout: 15_000 });
    const offered = log.getByRole("list", { name: "Quick replies offered" });
    await offered.getByText("(chosen)").waitFor();
    expect(await offered.getByRole("listitem").filter({ hasText: "(chosen)" }).textContent()).toContain("Refund");
    await page.context().close();
    await customerPage.context().close();
  });
});
