/**
 * Above the reply box of a WhatsApp chat whose 24 h window is closed: says so, and offers
 * "Send a template" (the picker opens in place). Nothing shows on other channels or while the
 * window is open.
 */
import type { ChannelCapabilities } from "@inbox/shared/api/uploads";
import { createMemo, createSignal, Show } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { TemplatePicker } from "./TemplatePicker.tsx";
import { windowClosed } from "./template-window.ts";
import { t } from "./messages.ts";

export function TemplateOffer(props: { conversationId: string; contactName: string; firstName: string; caps: ChannelCapabilities | null }) {
  const { selection, channels } = useAppState();
  const [picking, setPicking] = createSignal(false);
  let opener: HTMLButtonElement | undefined;
  const closed = createMemo(() => windowClosed(selection.inbox()?.channel ?? selection.conversation()?.channel, selection.timeline(), channels.now()));
  const done = () => {
    setPicking(false);
    queueMicrotask(() => opener?.focus());
  };
  return (
    <Show when={closed()}>
      <div class="composer-window-closed">
        <p class="composer-notice" role="status">
          {t("windowClosed", { name: props.contactName })}
        </p>
        <Show when={!picking()}>
          <button ref={opener} type="button" class="btn btn-primary" onClick={() => setPicking(true)}>
            {t("sendTemplate")}
          </button>
        </Show>
        <Show when={picking()}>
          <TemplatePicker conversationId={props.conversationId} firstName={props.firstName} caps={props.caps} onDone={done} />
        </Show>
      </div>
    </Show>
  );
}
