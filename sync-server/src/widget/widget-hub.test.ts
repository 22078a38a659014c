import { describe, expect, it } from "vitest";
import type { WidgetFrame, WidgetMessage } from "@inbox/shared";
import { WidgetHub } from "./widget-hub.ts";

// A message whose attachment link is being signed must not be overtaken by the frames after it:
// the visitor sees the image, then the text that followed it, in that order.

const message = (id: string, url?: string): WidgetMessage => ({
  id,
  clientId: null,
  from: "agent",
  senderName: "Ana",
  content: url ? { kind: "image", url, mimeType: "image/png" } : { kind: "text", text: id },
  status: "sent",
  createdAt: 1,
  position: 1,
});

describe("widget hub", () => {
  it("prepares media messages and keeps each visitor's frames in order", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const hub = new WidgetHub({
      needed: (m) => m.content.kind === "image",
      prepare: async (m) => {
        await gate;
        return m.content.kind === "image" ? { ...m, content: { ...m.content, url: `${m.content.url}?sig=ok` } } : m;
      },
    });
    const got: WidgetFrame[] = [];
    hub.add("visitor-1", { send: (text) => got.push(JSON.parse(text) as WidgetFrame) });
    expect(hub.push("visitor-1", message("m1", "/media/a.png"))).toBe(1);
    expect(hub.push("visitor-1", message("m2"))).toBe(1);
    expect(hub.push("nobody", message("m3"))).toBe(0);
    expect(got.map((f) => f.type)).toEqual(["ready"]); // the text waits behind the image
    release();
    await new Promise((r) => setTimeout(r, 0));
    const sent = got.flatMap((f) => (f.type === "message" ? [f.message] : []));
    expect(sent.map((m) => m.id)).toEqual(["m1", "m2"]);
    expect(sent[0]!.content).toMatchObject({ url: "/media/a.png?sig=ok" });
    // Nothing waiting: text goes out at once again.
    hub.push("visitor-1", message("m4"));
    expect(got.at(-1)).toMatchObject({ type: "message", message: { id: "m4" } });
  });
});
