import { describe, expect, it } from "vitest";
import { orderForLanguage, type Message } from "@inbox/shared";
import { customerLanguage, windowClosed, WHATSAPP_WINDOW_MS } from "./template-window.ts";

const NOW = Date.UTC(2026, 11, 6, 12);
let n = 0;
function msg(direction: "inbound" | "outbound", ago: number, text = "hi"): Message {
  n++;
  return {
    id: `m${n}`,
    conversationId: "c1",
    direction,
    senderKind: direction === "inbound" ? "customer" : "agent",
    senderId: null,
    senderName: "x",
    content: { kind: "text", text },
    status: "sent",
    failureReason: null,
    clientId: null,
    createdAt: NOW - ago,
    position: n,
  };
}

describe("the composer's view of WhatsApp's 24 h window", () => {
  it("is closed when the customer's last message is older than 24 h, or they never wrote; agents' replies do not reopen it", () => {
    expect(windowClosed("whatsapp", [msg("inbound", WHATSAPP_WINDOW_MS - 60_000)], NOW)).toBe(false);
    expect(windowClosed("whatsapp", [msg("inbound", WHATSAPP_WINDOW_MS + 60_000), msg("outbound", 1000)], NOW)).toBe(true);
    expect(windowClosed("whatsapp", [], NOW)).toBe(true);
  });

  it("never applies to other channels", () => {
    expect(windowClosed("telegram", [msg("inbound", 30 * WHATSAPP_WINDOW_MS)], NOW)).toBe(false);
    expect(windowClosed("webchat", [], NOW)).toBe(false);
  });

  it("offers the customer's language first", () => {
    const timeline = [msg("inbound", 3 * WHATSAPP_WINDOW_MS, "Olá, onde está o meu pedido? Ainda não chegou nada aqui em casa")];
    expect(customerLanguage(timeline)).toBe("pt");
    const list = [
      { name: "order_update", language: "en_US" },
      { name: "follow_up", language: "en_US" },
      { name: "order_update", language: "pt_BR" },
    ];
    expect(orderForLanguage(list, customerLanguage(timeline)).map((t) => `${t.name}/${t.language}`)).toEqual(["order_update/pt_BR", "follow_up/en_US", "order_update/en_US"]);
    expect(orderForLanguage(list, null)[0]).toEqual({ name: "follow_up", language: "en_US" });
  });
});
