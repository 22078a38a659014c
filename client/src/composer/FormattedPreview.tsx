/**
 * The reply as the channel will show it: formatted where the platform renders formatting,
 * flattened to plain text where it does not (the connectors do the same when sending).
 */
import type { ChannelCapabilities } from "@inbox/shared/api/uploads";
import { Show } from "solid-js";
import { parseMarkdownLite, plainOf } from "./markdown-lite.ts";
import { t } from "./messages.ts";
import { renderMarkdownLite } from "./render-markdown.tsx";

export function FormattedPreview(props: { text: string; channel: string; formatting: ChannelCapabilities["formatting"] | null }) {
  const plain = () => props.formatting === "plain";
  return (
    <section class="composer-preview" aria-label={t("previewLabel", { channel: props.channel })}>
      <Show when={plain()} fallback={renderMarkdownLite(props.text, { class: "md composer-preview-body" })}>
        <p class="composer-preview-body composer-preview-plain">{plainOf(parseMarkdownLite(props.text))}</p>
        <p class="composer-hint">{t("previewPlain", { channel: props.channel })}</p>
      </Show>
    </section>
  );
}
