/**
 * Who else is on this conversation, in the chat header ("Ana is typing a reply"), and the same
 * as a small marker on the conversation's row in the list.
 */
import { For, Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import type { Colleague } from "../sync/presence.ts";
import { t } from "./messages.ts";

export function describePresence(c: Colleague): string {
  if (c.activity === "reply") return t("typingReply", { name: c.name });
  if (c.activity === "note") return t("writingNote", { name: c.name });
  return t("viewing", { name: c.name });
}

export function PresenceNote(props: { conversationId: string }) {
  const { presence } = useAppState();
  const people = () => presence.colleagues(props.conversationId);
  return (
    // Always in the page, so screen readers announce colleagues arriving (a live region must exist first).
    <p class="presence-note" role="status" aria-label={t("colleaguesHere")}>
      <For each={people()}>
        {(c) => (
          <span class="presence" classList={{ "presence-typing": c.activity !== "viewing" }}>
            <span class="presence-dot" aria-hidden="true" />
            {describePresence(c)}
          </span>
        )}
      </For>
    </p>
  );
}

export function PresenceMarker(props: { conversationId: string }) {
  const { presence } = useAppState();
  const people = () => presence.colleagues(props.conversationId);
  const text = () => people().map(describePresence).join(", ");
  return (
    <Show when={people().length > 0}>
      <span class="presence-marker" classList={{ "presence-typing": people().some((c) => c.activity !== "viewing") }} title={text()}>
        <span class="presence-dot" aria-hidden="true" />
        <span class="sr-only">{text()}</span>
      </span>
    </Show>
  );
}
