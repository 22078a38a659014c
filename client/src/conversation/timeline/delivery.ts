/** How an outbound message's delivery is shown: its mark and the same in words. */
import type { Message } from "@inbox/shared";
import { t } from "./messages.ts";

export interface DeliveryView {
  /** clock: queued; tick: sent; ticks: delivered or read; words: waiting offline, said in full. */
  mark: "clock" | "tick" | "ticks" | "words";
  /** For screen readers and tooltips. */
  word: string;
}

/** Null for inbound messages (nothing to track), failures and unconfirmed sends (the bubble shows those with a button). */
export function deliveryView(m: Pick<Message, "id" | "direction" | "status">, offline: boolean): DeliveryView | null {
  if (m.direction !== "outbound") return null;
  switch (m.status) {
    case "queued":
      // Only the agent's own reply still in the device's outbox waits for the network.
      return offline && m.id.startsWith("pending-") ? { mark: "words", word: t("willSend") } : { mark: "clock", word: t("sending") };
    case "sent":
      return { mark: "tick", word: t("sent") };
    case "delivered":
      return { mark: "ticks", word: t("delivered") };
    case "read":
      return { mark: "ticks", word: t("read") };
    case "failed":
    case "unconfirmed":
      return null;
  }
}
