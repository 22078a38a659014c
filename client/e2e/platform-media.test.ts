import { describe, expect, it } from "vitest";
import { waitFor } from "../../sync-server/src/testing/test-server.ts";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation, timeline } from "./support/inbox-page.ts";

// The demo's customer sends a real photo, voice note and PDF on WhatsApp through the simulator
// (a signed webhook, then the connector downloads each file from the fake platform): the agent
// sees the photo decoded, a voice note Chromium can decode (its Ogg/Opus duration is read from
// the file) and a link to the PDF.

const app = useInbox();

describe("platform media in the timeline", () => {
  it("shows a customer's photo, plays their voice note and links their file", async () => {
    const whatsapp = app.server.seed!.inboxIds.whatsapp!;
    const customer = { externalId: "5511944445555", name: "Mila Media" };
    for (const action of [{ kind: "image", caption: "The box arrived like this" }, { kind: "voice" }, { kind: "file" }]) {
      const res = await app.server.simulatorApi(`/inboxes/${whatsapp}/customer`, { customer, action });
      expect(res.status).toBe(200);
    }

    const agent = await app.signIn("admin@demo.inbox");
    await agent.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: /Mila Media/ }).waitFor({ timeout: 15_000 });
    await openConversation(agent, "Mila Media");
    const log = timeline(agent);

    const photo = log.getByRole("img", { name: "The box arrived like this" });
    await photo.waitFor({ timeout: 15_000 });
    await waitFor("the photo decoded", () => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 15_000);
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(160);

    const voice = log.getByRole("group", { name: "Voice note" });
    await voice.waitFor({ timeout: 15_000 });
    // Only a file the browser decodes has a duration: Chromium parsed the Ogg/Opus stream.
    const duration = await waitFor(
      "the voice note's duration",
      () => voice.locator("audio").evaluate((audio: HTMLAudioElement) => (Number.isFinite(audio.duration) && audio.duration > 0 ? audio.duration : 0)),
      15_000,
    );
    expect(duration).toBeGreaterThan(1);
    expect(duration).toBeLessThan(3);

    const file = log.getByRole("link", { name: "Download invoice-1042.pdf" });
    await file.waitFor({ timeout: 15_000 });
    expect(await file.getAttribute("href")).toMatch(/\/media\/[^/?]+\.pdf/);
  });
});
