/**
 * Delivery of an outbound message: a clock while queued ("Will send when online" in words for
 * a reply waiting offline), ✓ sent, ✓✓ delivered, ✓✓ coloured when read. A failure is shown by
 * the bubble itself, with its reason and a Retry (MessageBubble).
 */
import type { Message } from "@inbox/shared";
import { Match, Show, Switch } from "solid-js";
import { deliveryView } from "./delivery.ts";

function Clock() {
  return (
    <svg class="tick-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="1.5" />
      <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
    </svg>
  );
}

function Ticks(props: { double: boolean }) {
  return (
    <svg class="tick-icon" viewBox="0 0 20 16" width={props.double ? 18 : 14} height="14" aria-hidden="true">
      <path d="M1.5 8.5l3.5 3.5 7-8" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round" />
      <Show when={props.double}>
        <path d="M8 12l7-8" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
      </Show>
    </svg>
  );
}

export function DeliveryStatus(props: { message: Message; offline?: boolean }) {
  const view = () => deliveryView(props.message, !!props.offline);
  return (
    <Show when={view()}>
      {(v) => (
        <span class={`delivery delivery-${props.message.status}`} title={v().word} data-status={props.message.status}>
          <Switch>
            {/* Waiting offline is said in words: a clock alone would look like "sending now". */}
            <Match when={v().mark === "words"}>{v().word}</Match>
            <Match when={v().mark === "clock"}>
              <Clock />
            </Match>
            <Match when={v().mark === "tick"}>
              <Ticks double={false} />
            </Match>
            <Match when={v().mark === "ticks"}>
              <Ticks double />
            </Match>
          </Switch>
          {/* Marks mean nothing read aloud: screen readers get the word instead. */}
          <Show when={v().mark !== "words"}>
            <span class="sr-only">{v().word}</span>
          </Show>
        </span>
      )}
    </Show>
  );
}
