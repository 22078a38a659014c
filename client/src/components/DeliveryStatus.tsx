/**
 * Delivery of an outbound message: "Sending…" (or "Will send when online" for a reply waiting
 * offline), ✓ sent, ✓✓ delivered, read. A failure is shown by the bubble itself, with its
 * reason (MessageBubble).
 */
import type { Message } from "@inbox/shared";
import { Show } from "solid-js";
import { deliveryLabel } from "../format/labels.ts";

export function DeliveryStatus(props: { message: Message; offline?: boolean }) {
  const label = () => (props.message.status === "failed" ? null : deliveryLabel(props.message, { offline: props.offline }));
  return (
    <Show when={label()}>
      {(l) => (
        <span class={`delivery delivery-${l().tone}`} title={l().text}>
          <Show when={l().mark !== l().text} fallback={l().text}>
            {/* Tick marks mean nothing read aloud: screen readers get the word instead. */}
            <span aria-hidden="true">{l().mark}</span>
            <span class="sr-only">{l().text}</span>
          </Show>
        </span>
      )}
    </Show>
  );
}
