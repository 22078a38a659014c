/**
 * Images, voice notes, audio, video and files from this and the person's earlier
 * conversations, newest first, each to open or download. URLs come from customers and
 * platforms: only web addresses become links (safeUrl).
 */
import { AttachmentSchema, type Attachment } from "@inbox/shared/api/contacts";
import { createEffect, For, on, Show } from "solid-js";
import { z } from "zod";
import { useAppState } from "../app/index.ts";
import { safeUrl } from "../format/safe-url.ts";
import { formatListTime } from "../format/time.ts";
import { contactApi } from "./contact-api.ts";
import { createCachedRequest } from "./contact-cache.ts";
import { t } from "./messages.ts";

const AttachmentsSchema = z.array(AttachmentSchema);

function kindLabel(a: Attachment): string {
  if (a.kind === "image") return t("kindImage");
  if (a.kind === "video") return t("kindVideo");
  if (a.kind === "file") return t("kindFile");
  return a.voice ? t("kindVoice") : t("kindAudio");
}

export function AttachmentList(props: { contactId: string; conversationId: string; lastActivityAt: number }) {
  const { local } = useAppState();
  const attachments = createCachedRequest(
    local.db,
    () => `attachments.${props.contactId}`,
    async () => (await contactApi.attachments(props.contactId)).attachments,
    AttachmentsSchema,
  );
  // New messages in the open conversation may carry new attachments.
  createEffect(on(() => props.lastActivityAt, () => attachments.refetch(), { defer: true }));

  return (
    <section class="info-section" aria-labelledby="info-attachments-title">
      <h3 id="info-attachments-title">{t("attachments")}</h3>
      <Show
        when={(attachments.data() ?? []).length > 0}
        fallback={<p class="muted small">{attachments.loading() ? t("loading") : t("noAttachments")}</p>}
      >
        <ul class="attachment-list" aria-label={t("attachments")}>
          <For each={attachments.data() ?? []}>
            {(a) => {
              const href = safeUrl(a.url, location.href);
              const name = a.name ?? kindLabel(a);
              return (
                <li class="attachment-item">
                  <Show when={a.kind === "image" && href} fallback={<span class={`attachment-icon attachment-${a.kind}`} aria-hidden="true" />}>
                    <img class="attachment-thumb" src={href!} alt={name} loading="lazy" />
                  </Show>
                  <span class="attachment-text">
                    <span class="attachment-name">{name}</span>
                    <span class="muted small">
                      {kindLabel(a)} · {formatListTime(a.createdAt)} ·{" "}
                      {a.conversationId === props.conversationId ? t("thisConversation") : t("earlierConversation")}
                    </span>
                  </span>
                  <Show when={href}>
                    {(link) => (
                      <span class="attachment-actions">
                        <a href={link()} target="_blank" rel="noopener noreferrer" aria-label={t("openNamed", { name })}>
                          {t("open")}
                        </a>
                        <a href={link()} download={a.kind === "file" ? (a.name ?? "") : ""} aria-label={t("downloadNamed", { name })}>
                          {t("download")}
                        </a>
                      </span>
                    )}
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <Show when={attachments.error() && attachments.data() !== null}>
        <p class="muted small">{t("attachmentsOffline")}</p>
      </Show>
    </section>
  );
}
