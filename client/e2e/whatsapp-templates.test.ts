import { beforeAll, describe, expect, it } from "vitest";
import { FAKE_WABA_ID, buildWebhook, templateStatusUpdate, textMessage } from "@inbox/connectors/whatsapp/fake.ts";
import type { WhatsappCredentials } from "@inbox/connectors/whatsapp/config.ts";
import { PHOTO_JPEG } from "@inbox/connectors/src/demo-media/media.ts";
import { waitFor } from "../../sync-server/src/testing/test-server.ts";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation, timeline } from "./support/inbox-page.ts";

// WhatsApp templates (issue 16) as an agent uses them: a customer last wrote three days ago, so
// the composer says the 24 h window is closed and offers "Send a template"; the agent picks one,
// the first variable is the customer's first name, the preview shows the text, and the sent
// template appears in the timeline as its rendered text, marked as a template. The platform is
// the demo simulator's WhatsApp fake.

const app = useInbox();
let inboxId: string;
let credentials: WhatsappCredentials;

beforeAll(async () => {
  const row = (await app.server.core.db.query.inboxes.findMany()).find((r) => r.channel === "whatsapp")!;
  inboxId = row.id;
  credentials = (await app.server.core.secrets.open(row.secretsEnc!)) as unknown as WhatsappCredentials;
  const admin = await app.server.login("admin@demo.inbox");
  const res = await app.server.api(`/api/admin/inboxes/${inboxId}/templates/sync`, { method: "POST", token: admin, json: { businessAccountId: FAKE_WABA_ID } });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { syncError: string | null }).syncError).toBeNull();
});

async function customerWroteDaysAgo(name: string, from: string, text: string, days: number) {
  const timestamp = Math.floor((Date.now() - days * 24 * 3600_000) / 1000);
  const webhook = buildWebhook(textMessage({ from, name, text, id: `wamid.e2e${crypto.randomUUID()}`, timestamp, phoneNumberId: credentials.phoneNumberId }), credentials);
  const res = await fetch(`${app.server.url}/webhooks/whatsapp/${inboxId}`, { method: "POST", headers: webhook.headers, body: webhook.body });
  expect(res.status).toBe(200);
}

async function sentTexts(): Promise<(string | null)[]> {
  const res = await app.server.simulatorApi(`/inboxes/${inboxId}/sent`);
  return ((await res.json()) as { sent: { text: string | null }[] }).sent.map((s) => s.text);
}

describe("a WhatsApp chat whose 24 h window is closed", () => {
  it("gets an approved template from the composer, and the timeline shows its text", async () => {
    const name = "Wendy Window";
    await customerWroteDaysAgo(name, "5511955557001", "Where is my order?", 3);
    const page = await app.signIn("ana@demo.inbox", await app.newContext({ viewport: { width: 1280, height: 1000 } }));
    await page.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: new RegExp(name) }).first().waitFor({ timeout: 15_000 });
    await openConversation(page, name);
    await timeline(page).getByText("Where is my order?").waitFor();

    await page.getByText(`More than 24 hours have passed since ${name} last wrote`).waitFor();
    await page.getByRole("button", { name: "Send a template" }).click();
    const picker = page.getByRole("region", { name: "Approved templates" });
    await picker.getByLabel("Template").selectOption({ label: "order_update (en_US)" });
    // The customer's first name is there already; the agent fills in the rest.
    await waitFor("the first name filled in", async () => (await picker.getByLabel("Variable 1", { exact: true }).inputValue()) === "Wendy");
    await picker.getByLabel("Header variable 1").fill("#88");
    await picker.getByLabel("Variable 2", { exact: true }).fill("#88");
    await picker.getByLabel("Variable 3", { exact: true }).fill("tomorrow");
    await picker.getByTestId("template-preview").getByText("Hi Wendy, your order #88 has shipped and should arrive tomorrow.").waitFor();
    await picker.getByRole("button", { name: "Send template" }).click();

    const sent = timeline(page).getByText("Hi Wendy, your order #88 has shipped and should arrive tomorrow.");
    await sent.waitFor({ timeout: 15_000 });
    await timeline(page).locator(".template-tag", { hasText: "Template" }).first().waitFor();
    await waitFor("the template at the platform", async () => (await sentTexts()).includes("order_update: #88 | Wendy | #88 | tomorrow"), 15_000);
    await page.context().close();
  });

  it("a template with an image header asks for the image, previews it, and the timeline and WhatsApp get both", async () => {
    const name = "Yara Photo";
    await customerWroteDaysAgo(name, "5511955557003", "Did my parcel arrive?", 2);
    const page = await app.signIn("ana@demo.inbox", await app.newContext({ viewport: { width: 1280, height: 1000 } }));
    await page.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: new RegExp(name) }).first().waitFor({ timeout: 15_000 });
    await openConversation(page, name);
    await page.getByRole("button", { name: "Send a template" }).click();
    const picker = page.getByRole("region", { name: "Approved templates" });
    await picker.getByLabel("Template").selectOption({ label: "delivery_photo (en_US)" });
    await waitFor("the first name filled in", async () => (await picker.getByLabel("Variable 1", { exact: true }).inputValue()) === "Yara");
    await picker.getByLabel("Variable 2", { exact: true }).fill("#91");
    // Without the image the template is not sent.
    await picker.getByRole("button", { name: "Send template" }).click();
    await picker.getByRole("alert").filter({ hasText: "Attach the file the template shows at the top." }).waitFor();
    // A PDF is not an image: said at once, in words.
    await picker.getByLabel("Header image").setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
    await picker.getByRole("alert").filter({ hasText: "This template shows an image at the top; invoice.pdf is not an image." }).waitFor();
    await picker.getByLabel("Header image").setInputFiles({ name: PHOTO_JPEG.filename, mimeType: PHOTO_JPEG.mimeType, buffer: Buffer.from(PHOTO_JPEG.bytes) });
    const shown = picker.getByTestId("template-preview-media").getByRole("img", { name: PHOTO_JPEG.filename });
    await waitFor("the preview's image decoded", () => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 15_000);
    const text = "Hi Yara, your parcel #91 was delivered. Here is the photo our courier took.";
    await picker.getByTestId("template-preview").getByText(text).waitFor();
    await picker.getByRole("button", { name: "Send template" }).click();

    // The timeline shows the image, captioned with the template's text and marked as a template, served from the inbox.
    const image = timeline(page).getByRole("img", { name: text });
    await image.waitFor({ timeout: 15_000 });
    await waitFor("the sent image decoded", () => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && !img.src.startsWith("blob:")), 15_000);
    const bubble = timeline(page).locator("li.msg").filter({ has: page.getByRole("img", { name: text }) });
    await bubble.locator(".template-tag", { hasText: "Template" }).waitFor();
    await waitFor("the template with its image at the platform", async () => (await sentTexts()).includes("delivery_photo: [image] | Yara | #91"), 15_000);
    await page.context().close();
  });

  it("what the agent typed survives the server's list arriving after the device's copy", async () => {
    const name = "Xavier Wait";
    await customerWroteDaysAgo(name, "5511955557002", "Any news on my order?", 2);
    const page = await app.signIn("ana@demo.inbox", await app.newContext({ viewport: { width: 1280, height: 1000 } }));
    await page.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: new RegExp(name) }).first().waitFor({ timeout: 15_000 });
    await openConversation(page, name);
    // The first opening keeps the list on the device.
    await page.getByRole("button", { name: "Send a template" }).click();
    const picker = page.getByRole("region", { name: "Approved templates" });
    await picker.getByLabel("Template").selectOption({ label: "order_update (en_US)" });
    await picker.getByRole("button", { name: "Cancel" }).click();

    // The second opening shows the device's copy at once; the server's answer is held back until the agent has typed.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route("**/api/conversations/*/templates", async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole("button", { name: "Send a template" }).click();
    await picker.getByLabel("Template").selectOption({ label: "order_update (en_US)" });
    await waitFor("the first name filled in", async () => (await picker.getByLabel("Variable 1", { exact: true }).inputValue()) === "Xavier");
    await picker.getByLabel("Header variable 1").fill("#90");
    await picker.getByLabel("Variable 2", { exact: true }).fill("#90");
    await picker.getByLabel("Variable 3", { exact: true }).fill("Friday");
    const expected = "Hi Xavier, your order #90 has shipped and should arrive Friday.";
    await picker.getByTestId("template-preview").getByText(expected).waitFor();
    const answered = page.waitForResponse((r) => /\/api\/conversations\/[^/]+\/templates/.test(r.url()));
    release();
    await answered;
    // A turn for the picker to take the new list in.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await picker.getByLabel("Variable 3", { exact: true }).inputValue()).toBe("Friday");
    await picker.getByTestId("template-preview").getByText(expected).waitFor();
    await page.context().close();
  });

  it("Settings → Channels lists the templates with their status, and Meta's review webhook changes it", async () => {
    const admin = await app.signIn("admin@demo.inbox");
    await admin.goto(app.server.url + "/settings");
    const templates = () => admin.locator("details.channel-templates").first();
    await templates().getByText("Message templates").click();
    await templates().locator('tr[data-template="spring_sale/en_US"]').getByText("Rejected Reason: PROMOTIONAL").waitFor();
    await templates().locator('tr[data-template="follow_up/en_US"]').getByText("Approved").waitFor();

    const webhook = buildWebhook(templateStatusUpdate({ name: "follow_up", language: "en_US", event: "REJECTED", reason: "INCORRECT_CATEGORY" }), credentials);
    expect((await fetch(`${app.server.url}/webhooks/whatsapp/${inboxId}`, { method: "POST", headers: webhook.headers, body: webhook.body })).status).toBe(200);
    await app.server.core.webhooks.idle();
    await admin.reload();
    await templates().getByText("Message templates").click();
    await templates().locator('tr[data-template="follow_up/en_US"]').getByText("Rejected Reason: INCORRECT_CATEGORY").waitFor();
    await admin.context().close();
  });
});
