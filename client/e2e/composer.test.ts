import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { waitFor } from "../../sync-server/src/testing/test-server.ts";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation, timeline, waitForBadge } from "./support/inbox-page.ts";

// The composer in a real browser against a real server: a file dropped onto it goes out to the
// customer's WhatsApp (the simulator's fake) and shows in the timeline; a file over WhatsApp's
// limit is refused before anything is sent, saying why; the toolbar writes the formatting the
// channel then renders.

const app = useInbox();
let page: Page;
let whatsappId: string;

/** A real 1×1 PNG, so the timeline can decode what it shows. */
const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const CUSTOMER = { externalId: "5511977770001", name: "Drop Dora" };

async function sentToPlatform(): Promise<{ kind: string; text: string | null; to: string | null }[]> {
  const res = await app.server.simulatorApi(`/inboxes/${whatsappId}/sent`);
  return ((await res.json()) as { sent: { kind: string; text: string | null; to: string | null }[] }).sent;
}

/** Drops a file built in the page onto the reply box, as a desktop drag would. */
async function dropFile(p: Page, file: { name: string; type: string; base64?: string; size?: number }): Promise<void> {
  await p.evaluate((f) => {
    const bytes = f.base64 ? Uint8Array.from(atob(f.base64), (ch) => ch.charCodeAt(0)) : new Uint8Array(f.size ?? 0);
    const data = new DataTransfer();
    data.items.add(new File([bytes], f.name, { type: f.type }));
    const box = document.querySelector('form[aria-label="Reply"] textarea')!;
    for (const type of ["dragenter", "dragover", "drop"]) {
      box.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    }
  }, file);
}

beforeAll(async () => {
  whatsappId = (await app.server.core.db.query.inboxes.findMany()).find((r) => r.channel === "whatsapp")!.id;
  const res = await app.server.simulatorApi(`/inboxes/${whatsappId}/customer`, { customer: CUSTOMER, action: { kind: "text", text: "Here is my problem" } });
  expect(res.status).toBe(200);
  page = await app.signIn("ana@demo.inbox");
  await page.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: /Drop Dora/ }).first().waitFor({ timeout: 15_000 });
  await openConversation(page, "Drop Dora");
  await timeline(page).getByText("Here is my problem").waitFor();
  // The channel's limits have arrived once the composer offers attachments.
  await page.getByRole("form", { name: "Reply" }).getByRole("button", { name: "Attach a file" }).waitFor({ timeout: 15_000 });
});

describe("composer", () => {
  it("an image dropped onto the composer is sent to the customer and shows in the timeline", async () => {
    const form = page.getByRole("form", { name: "Reply" });
    await dropFile(page, { name: "receipt.png", type: "image/png", base64: PNG_BASE64 });
    await form.getByRole("list", { name: "Attachments" }).getByText("receipt.png").waitFor();
    await form.getByRole("button", { name: "Send" }).click();
    expect(await form.getByRole("list", { name: "Attachments" }).count()).toBe(0);

    const image = timeline(page).getByRole("img", { name: "Image from Ana Souza" });
    await image.waitFor({ timeout: 15_000 });
    // Served from the inbox's own storage and decoded: the bytes made it there and back.
    await waitFor("the image decoded", () => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 1), 15_000);
    await waitFor("the image sent to WhatsApp", async () => (await sentToPlatform()).some((s) => s.kind === "image" && s.to === CUSTOMER.externalId), 15_000);
  });

  it("a file over the channel's limit is refused before sending, with the limit and its size", async () => {
    const form = page.getByRole("form", { name: "Reply" });
    const before = (await sentToPlatform()).length;
    await dropFile(page, { name: "huge.png", type: "image/png", size: Math.round(7.2 * 1024 * 1024) });
    await form.getByRole("alert").filter({ hasText: "WhatsApp accepts images up to 5 MB; this one is 7.2 MB." }).waitFor();
    expect(await form.getByRole("list", { name: "Attachments" }).count()).toBe(0);
    // The type is checked too, naming what the channel takes.
    await dropFile(page, { name: "funny.gif", type: "image/gif", base64: PNG_BASE64 });
    await form.getByRole("alert").filter({ hasText: "WhatsApp accepts images only as JPEG, PNG; funny.gif is GIF." }).waitFor();
    expect((await sentToPlatform()).length).toBe(before);
  });

  it("an image attached offline is kept on the device, then uploaded and sent on reconnect", async () => {
    const form = page.getByRole("form", { name: "Reply" });
    const images = () => sentToPlatform().then((sent) => sent.filter((s) => s.kind === "image").length);
    const before = await images();
    await waitForBadge(page, /^Connection: Online$/);
    await page.context().setOffline(true);
    await waitForBadge(page, /Offline/);
    await dropFile(page, { name: "offline.png", type: "image/png", base64: PNG_BASE64 });
    await form.getByRole("list", { name: "Attachments" }).getByText("offline.png").waitFor();
    await form.getByRole("button", { name: "Send" }).click();
    await form.getByRole("status").filter({ hasText: "offline.png is kept on this device" }).waitFor();
    await waitForBadge(page, /Offline · 1 change waiting/);
    expect(await images()).toBe(before);
    // Still offline, the bubble shows the file kept on this device, decoded, as "Will send when online".
    const waiting = timeline(page).locator("li.msg-pending").filter({ has: page.getByRole("img", { name: "Image from Ana Souza" }) });
    await waiting.waitFor();
    await waitFor("the waiting image decoded", () => waiting.getByRole("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 1), 15_000);
    await waiting.getByText("Will send when online").waitFor();
    expect(await waiting.getByText(/not available/).count()).toBe(0);

    await page.context().setOffline(false);
    await waitFor("the offline image sent once", async () => (await images()) === before + 1, 20_000);
    await waitFor("its bubble showing the stored image", () => timeline(page).getByRole("img", { name: "Image from Ana Souza" }).count().then((n) => n === 2), 15_000);
  });

  it("emoji are found by name and inserted at the caret with the keyboard alone", async () => {
    const form = page.getByRole("form", { name: "Reply" });
    const box = form.getByLabel("Reply message");
    await box.fill("Great job");
    await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(5, 5));
    await form.getByRole("button", { name: "Emoji and symbols" }).click();
    await page.getByRole("dialog", { name: "Emoji and symbols" }).getByLabel("Search emoji and symbols").fill("thumbs up");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    expect(await box.inputValue()).toBe("Great👍 job");
    expect(await page.getByRole("dialog", { name: "Emoji and symbols" }).count()).toBe(0);
    await box.fill("");
  });

  it("'/' at the start of a word offers canned responses; picking one fills in the contact's name", async () => {
    const box = page.getByRole("form", { name: "Reply" }).getByLabel("Reply message");
    await box.fill("");
    await box.pressSequentially("/than");
    await page.getByRole("listbox").getByRole("option", { name: /thanks/ }).waitFor();
    await page.keyboard.press("Enter");
    expect(await box.inputValue()).toBe("Thanks for waiting, Drop! I'm looking into it now.");
    await box.fill("");
  });

  it("note mode looks and says it is internal, and '@' picks a colleague to mention", async () => {
    await page.getByRole("button", { name: "Note", exact: true }).click();
    const note = page.getByRole("form", { name: "Note" });
    await note.getByText("Internal note — only your team sees this").waitFor();
    const box = note.getByLabel("Note text");
    await box.pressSequentially("ask @sa");
    await page.getByRole("listbox").getByRole("option", { name: /Sam Supervisor/ }).waitFor();
    await page.keyboard.press("Enter");
    expect(await box.inputValue()).toBe("ask @Sam Supervisor ");
    // No one matches: Enter is held (no note goes out with a half-typed mention); Esc closes the list.
    await box.pressSequentially("@zzq");
    const none = page.getByText("No colleague matches @zzq. Esc keeps it as text.");
    await none.waitFor();
    await page.keyboard.press("Enter");
    expect(await box.inputValue()).toBe("ask @Sam Supervisor @zzq");
    await page.keyboard.press("Escape");
    await none.waitFor({ state: "detached" });
    expect(await box.inputValue()).toBe("ask @Sam Supervisor @zzq");
    await box.fill("");
    await page.getByRole("button", { name: "Reply", exact: true }).click();
  });

  it("bold from the toolbar is written into the reply, previewed, and reaches WhatsApp as its bold", async () => {
    const form = page.getByRole("form", { name: "Reply" });
    const box = form.getByLabel("Reply message");
    await box.fill("thanks a lot");
    await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(7, 12));
    await form.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Bold" }).click();
    expect(await box.inputValue()).toBe("thanks **a lot**");

    await form.getByRole("button", { name: "Preview" }).click();
    const preview = form.getByRole("region", { name: "How the customer will see it on WhatsApp" });
    expect(await preview.locator("strong").textContent()).toBe("a lot");

    await form.getByRole("button", { name: "Send" }).click();
    await waitFor("the formatted reply sent", async () => (await sentToPlatform()).some((s) => s.text === "thanks *a lot*"), 15_000);
  });
});
