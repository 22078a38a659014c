import { describe, expect, it } from "vitest";
import { MalformedWebhookError } from "./malformed.ts";
import { splitMetaDelivery } from "./meta-app.ts";

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const read = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as { object: string; entry: { id: string; changes?: unknown[]; messaging?: unknown[] }[] };

describe("splitMetaDelivery", () => {
  it("groups Page entries by Page id, keeping their order", () => {
    const split = splitMetaDelivery(bytes({ object: "page", entry: [{ id: "1", messaging: [1] }, { id: "2", messaging: [2] }, { id: "1", messaging: [3] }, { time: 5 }] }));
    expect(split.unroutable).toBe(1);
    expect(split.parts.map((p) => [p.channel, p.accountId, read(p.body).entry.map((e) => e.messaging)])).toEqual([
      ["messenger", "1", [[1], [3]]],
      ["messenger", "2", [[2]]],
    ]);
  });

  it("splits one WhatsApp Business Account entry by each change's phone_number_id", () => {
    const change = (n: string | null) => ({ field: "messages", value: { metadata: n ? { phone_number_id: n } : {}, tag: n } });
    const split = splitMetaDelivery(bytes({ object: "whatsapp_business_account", entry: [{ id: "waba", changes: [change("10"), change("20"), change(null), change("10")] }] }));
    expect(split.unroutable).toBe(1);
    expect(split.parts.map((p) => [p.channel, p.accountId, read(p.body).entry[0]!.changes!.length, read(p.body).entry[0]!.id])).toEqual([
      ["whatsapp", "10", 2, "waba"],
      ["whatsapp", "20", 1, "waba"],
    ]);
  });

  it("reads Instagram entries by account id, and gives the same parts for the same bytes", () => {
    const body = bytes({ object: "instagram", entry: [{ id: "17841400000000001", time: 1, messaging: [{ message: { text: "olá" } }] }] });
    const [a, b] = [splitMetaDelivery(body), splitMetaDelivery(body)];
    expect(a.parts[0]).toMatchObject({ channel: "instagram", accountId: "17841400000000001" });
    expect(a.parts[0]!.body).toEqual(b.parts[0]!.body);
  });

  it("refuses what is not a Meta delivery any channel reads", () => {
    expect(() => splitMetaDelivery(new TextEncoder().encode("nope"))).toThrow(MalformedWebhookError);
    expect(() => splitMetaDelivery(bytes({ object: "permissions", entry: [] }))).toThrow(/not read by any channel/);
    expect(() => splitMetaDelivery(bytes({ entry: 3 }))).toThrow(MalformedWebhookError);
  });
});
