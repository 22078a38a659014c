/**
 * The body of a message, by kind. Customer content is untrusted: text is only ever rendered as
 * text nodes (never innerHTML), and media URLs pass safeUrl before becoming a src or href.
 */
import type { MessageContent as Content } from "@inbox/shared";
import { isErasedContent } from "@inbox/shared/api/data-rights";
import { createSignal, For, Match, Show, Switch, type JSX } from "solid-js";
import { mapUrl } from "../../format/safe-url.ts";
import { formatFileSize } from "../../format/file-size.ts";
import { AudioPlayer } from "./AudioPlayer.tsx";
import { createMediaUrl } from "./local-media.ts";
import { isLocalUpload } from "../../sync/kept-upload-ref.ts";
import { useChatMedia } from "./media-context.ts";
import { t } from "./messages.ts";

type Of<K extends Content["kind"]> = Extract<Content, { kind: K }>;

function Unavailable(props: { what: string }) {
  return <p class="msg-unavailable">{t("unavailable", { what: props.what })}</p>;
}

/**
 * Renders children with the URL only if it is safe. An attachment still waiting on this device
 * (`local-upload:`) is shown from the kept file, offline too.
 */
function WithUrl(props: { url: string; what: string; children: (url: string) => JSX.Element }) {
  const media = useChatMedia();
  const url = createMediaUrl(() => props.url, media?.findKept ?? null);
  const ready = () => {
    const u = url();
    return u.state === "ready" ? u.url : null;
  };
  return (
    <Switch>
      <Match when={url().state === "missing"}>
        <Unavailable what={props.what} />
      </Match>
      <Match when={ready()}>{(u) => props.children(u())}</Match>
    </Switch>
  );
}

/**
 * An image that opens in the timeline's viewer. One that cannot be shown (offline: received
 * attachments are not kept on the device; or a file the browser cannot decode) says so, with a
 * link to it. An agent's image still `waiting` on this device to be uploaded is shown as it is:
 * the viewer lists it once the server has it.
 */
function Image(props: { messageId: string; url: string; alt: string; waiting: boolean; onLoad?: () => void }) {
  const media = useChatMedia();
  const [failed, setFailed] = createSignal(false);
  return (
    <Show
      when={!failed()}
      fallback={
        <a class="msg-file" href={props.url} target="_blank" rel="noopener noreferrer">
          <span class="msg-file-icon" aria-hidden="true">
            🖼
          </span>
          <span class="msg-file-name">{t("imageBroken")}</span>
        </a>
      }
    >
      <Show
        when={!props.waiting}
        fallback={<img class="msg-image" src={props.url} alt={props.alt} onLoad={() => props.onLoad?.()} onError={() => setFailed(true)} />}
      >
        <button type="button" class="msg-media-link" aria-label={t("openImage", { alt: props.alt })} onClick={() => media?.openImage(props.messageId)}>
          <img class="msg-image" src={props.url} alt={props.alt} loading="lazy" onLoad={() => props.onLoad?.()} onError={() => setFailed(true)} />
        </button>
      </Show>
    </Show>
  );
}

function Caption(props: { text: string | undefined }) {
  return (
    <Show when={props.text}>
      <p class="msg-text">{props.text}</p>
    </Show>
  );
}

/** The choices offered to the customer; the one they picked (if any) is marked. */
function Choices(props: { label: string; items: { id: string; title: string }[]; chosenId: string | null }) {
  return (
    <ul class="msg-choices" aria-label={props.label}>
      <For each={props.items}>
        {(item) => (
          <li class="msg-choice" classList={{ "msg-choice-chosen": item.id === props.chosenId }}>
            <Show when={item.id === props.chosenId}>
              <span aria-hidden="true">✓ </span>
            </Show>
            {item.title}
            <Show when={item.id === props.chosenId}>
              <span class="sr-only"> ({t("chosen")})</span>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}

export function MessageContent(props: {
  content: Content;
  senderName: string;
  /** Images open the viewer on this message. */
  messageId?: string;
  /** Buttons / quick replies: the choice the customer answered with. */
  chosenId?: string | null;
  onMediaLoad?: () => void;
}) {
  const as = <K extends Content["kind"]>(kind: K) => (props.content.kind === kind ? (props.content as Of<K>) : null);
  return (
    <Switch>
      <Match when={isErasedContent(props.content)}>
        <p class="msg-text msg-erased">{t("erasedMessage")}</p>
      </Match>
      <Match when={as("text")}>{(c) => <p class="msg-text">{c().text}</p>}</Match>
      <Match when={as("image")}>
        {(c) => (
          <>
              <WithUrl url={c().url} what={t("theImage")}>
                {(url) => (
                  <Image
                    messageId={props.messageId ?? ""}
                    url={url}
                    waiting={isLocalUpload(c().url)}
                    alt={c().caption ? c().caption! : t("imageFrom", { name: props.senderName })}
                    onLoad={props.onMediaLoad}
                  />
                )}
              </WithUrl>
              <Caption text={c().caption} />
          </>
        )}
      </Match>
      <Match when={as("audio")}>
        {(c) => (
          <WithUrl url={c().url} what={t("theAudio")}>
            {(url) => <AudioPlayer url={url} voice={!!c().voice} durationSec={c().durationSec} />}
          </WithUrl>
        )}
      </Match>
      <Match when={as("video")}>
        {(c) => (
          <>
              <WithUrl url={c().url} what={t("theVideo")}>
                {(url) => (
                  <video
                    class="msg-video"
                    controls
                    preload="metadata"
                    src={url}
                    aria-label={c().caption ? t("videoWith", { caption: c().caption! }) : t("video")}
                    onLoadedMetadata={() => props.onMediaLoad?.()}
                  />
                )}
              </WithUrl>
              <Caption text={c().caption} />
          </>
        )}
      </Match>
      <Match when={as("file")}>
        {(c) => (
          <>
            <WithUrl url={c().url} what={t("theFile")}>
              {(url) => (
                <a class="msg-file" href={url} download={c().filename} target="_blank" rel="noopener noreferrer" aria-label={t("download", { name: c().filename })}>
                  <span class="msg-file-icon" aria-hidden="true">
                    📎
                  </span>
                  <span class="msg-file-name">{c().filename}</span>
                  <Show when={c().size !== undefined}>
                    <span class="msg-file-size">{formatFileSize(c().size ?? 0)}</span>
                  </Show>
                  <span class="msg-file-download" aria-hidden="true">
                    ⤓
                  </span>
                </a>
              )}
            </WithUrl>
            <Caption text={c().caption} />
          </>
        )}
      </Match>
      <Match when={as("location")}>
        {(c) => (
          <div class="msg-location">
            <p class="msg-text">
              <span aria-hidden="true">📍 </span>
              {c().name ?? t("sharedLocation")}
            </p>
            <Show when={c().address}>
              <p class="msg-location-address">{c().address}</p>
            </Show>
            <p class="msg-location-coords">
              {c().latitude.toFixed(5)}, {c().longitude.toFixed(5)}
            </p>
            <a href={mapUrl(c().latitude, c().longitude)} target="_blank" rel="noopener noreferrer">
              {t("openInMap")}
            </a>
          </div>
        )}
      </Match>
      <Match when={as("buttons")}>
        {(c) => (
          <>
              <p class="msg-text">{c().text}</p>
              <Choices label={t("buttonsOffered")} items={c().buttons} chosenId={props.chosenId ?? null} />
          </>
        )}
      </Match>
      <Match when={as("quick_replies")}>
        {(c) => (
          <>
              <p class="msg-text">{c().text}</p>
              <Choices label={t("quickRepliesOffered")} items={c().replies} chosenId={props.chosenId ?? null} />
          </>
        )}
      </Match>
      <Match when={as("unsupported")}>{(c) => <p class="msg-unsupported">{t("unsupported", { description: c().description })}</p>}</Match>
    </Switch>
  );
}
