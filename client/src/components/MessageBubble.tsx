/** One message: customer on the left, agent or bot on the right, system events centred. */
import type { Message } from "@inbox/shared";
import { Show } from "solid-js";
import { deliveryFailure } from "../format/labels.ts";
import { formatClock, formatDateTime } from "../format/time.ts";
import { messageSide } from "../state/timeline.ts";
import { DeliveryStatus } from "./DeliveryStatus.tsx";
import { MessageContent } from "./MessageContent.tsx";

export function MessageBubble(props: { message: Message; offline?: boolean; onMediaLoad?: () => void }) {
  const m = () => props.message;
  const side = () => messageSide(m());
  const failure = () => deliveryFailure(m());
  return (
    <Show
      when={side() !== "center"}
      fallback={
        <li class="msg msg-center">
          <div class="msg-system">
            <MessageContent content={m().content} senderName={m().senderName} />
            <time datetime={new Date(m().createdAt).toISOString()} title={formatDateTime(m().createdAt)}>
              {formatClock(m().createdAt)}
            </time>
          </div>
        </li>
      }
    >
      <li
        class={`msg msg-${side()} msg-from-${m().senderKind}`}
        classList={{ "msg-failed": m().status === "failed", "msg-pending": m().status === "queued" }}
      >
        <div class="bubble">
          <span class="msg-sender">
            {m().senderName}
            <Show when={m().senderKind === "bot"}>
              <span class="bot-tag">Bot</span>
            </Show>
          </span>
          <MessageContent content={m().content} senderName={m().senderName} onMediaLoad={props.onMediaLoad} />
          <Show when={failure()}>
            {(f) => (
              <p class="msg-failure">
                <span class="failed-badge">{f().badge}</span>
                <Show when={f().reason}>
                  <span class="msg-failure-reason">{f().reason}</span>
                </Show>
              </p>
            )}
          </Show>
          <span class="msg-meta">
            <time datetime={new Date(m().createdAt).toISOString()} title={formatDateTime(m().createdAt)}>
              {formatClock(m().createdAt)}
            </time>
            <DeliveryStatus message={m()} offline={props.offline} />
          </span>
        </div>
      </li>
    </Show>
  );
}
