import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { waitFor } from "../../sync-server/src/testing/test-server.ts";
import { useInbox } from "./support/use-inbox.ts";
import { openConversation, timeline } from "./support/inbox-page.ts";

// An agent's attachment reaches a web chat visitor: the image dropped onto the composer shows,
// decoded, in the customer's widget, which has no session (its link is signed for the visitor).

const app = useInbox();

/** A real 1×1 PNG, so both sides can decode what they show. */
const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

async function dropImage(p: Page, name: string): Promise<void> {
  await p.evaluate(
    ([n, b64]) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], n, { type: "image/png" }));
      const box = document.querySelector('form[aria-label="Reply"] textarea')!;
      for (const type of ["dragenter", "dragover", "drop"]) box.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    },
    [name, PNG_BASE64] as const,
  );
}

describe("web chat attachments", () => {
  it("an image the agent drops into the web chat composer shows in the visitor's widget", async () => {
    const customer = await (await app.newContext()).newPage();
    await customer.goto(app.server.url + "/demo");
    await customer.getByRole("button", { name: "Open chat" }).click();
    const chat = customer.getByRole("dialog");
    await chat.getByLabel("Name").fill("Pia Picture");
    await chat.getByRole("button", { name: "Start chat" }).click();
    await chat.getByRole("textbox", { name: "Message" }).fill("What does the new model look like?");
    await chat.getByRole("button", { name: "Send" }).click();

    const agent = await app.signIn("ana@demo.inbox");
    await agent.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: /Pia Picture/ }).waitFor({ timeout: 15_000 });
    await openConversation(agent, "Pia Picture");
    const form = agent.getByRole("form", { name: "Reply" });
    // Web chat now takes attachments: the composer offers them once it knows the channel's limits.
    await form.getByRole("button", { name: "Attach a file" }).waitFor({ timeout: 15_000 });
    await dropImage(agent, "model.png");
    await form.getByRole("list", { name: "Attachments" }).getByText("model.png").waitFor();
    await form.getByRole("button", { name: "Send" }).click();
    await timeline(agent).getByRole("img", { name: "Image from Ana Souza" }).waitFor({ timeout: 15_000 });

    const image = chat.getByRole("log", { name: "Messages" }).getByRole("img", { name: "Image" });
    await image.waitFor({ timeout: 15_000 });
    await waitFor("the image decoded in the widget", () => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 1), 15_000);
    const src = await image.getAttribute("src");
    expect(src).toMatch(/\/media\/[^?]+\?exp=\d+&sig=/);
    // The visitor's page holds no agent session: the signature is what let it in.
    expect(await customer.context().cookies()).toEqual([]);
  });
});
