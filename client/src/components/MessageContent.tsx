/**
 * The body of a message, by kind. Customer content is untrusted: text is only ever rendered as
 * text nodes (never innerHTML), and media URLs pass safeUrl before becoming a src or href.
 */
import type { MessageContent as Content } from "@inbox/shared";
import { createSignal, For, Match, Show, Switch, type JSX } from "solid-js";
import { mapUrl, safeUrl } from "../format/safe-url.ts";
import { formatBytes, formatDuration } from "../format/time.ts";

type Of<K extends Content["kind"]> = Extract<Content, { kind: K }>;

function Unavailable(props: { what: string }) {
  return <p class="msg-unavailable">{props.what} is not available.</p>;
}

/** Renders children with the URL only if it is safe. */
function WithUrl(props: { url: string; what: string; children: (url: string) => JSX.Element }) {
  const url = () => safeUrl(props.url, location.href);
  return (
    <Show when={url()} fallback={<Unavailable what={props.what} />}>
      {(u) => props.children(u())}
    </Show>
  );
}

/**
 * An image that opens full size in a new tab. One that cannot be shown (offline: attachments
 * are not kept on the device; or a file the browser cannot decode) says so, with a link to it.
 */
function Image(props: { url: string; alt: string; onLoad?: () => void }) {
  const [failed, setFailed] = createSignal(false);
  return (
    <Show
      when={!failed()}
      fallback={
        <a class="msg-file" href={props.url} target="_blank" rel="noopener noreferrer">
          <span class="msg-file-icon" aria-hidden="true">
            🖼
          </span>
          <span class="msg-file-name">The image can't be shown here. Open it</span>
        </a>
      }
    >
      <a class="msg-media-link" href={props.url} target="_blank" rel="noopener noreferrer">
        <img class="msg-image" src={props.url} alt={props.alt} loading="lazy" onLoad={() => props.onLoad?.()} onError={() => setFailed(true)} />
      </a>
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

function Choices(props: { label: string; items: { id: string; title: string }[] }) {
  return (
    <ul class="msg-choices" aria-label={props.label}>
      <For each={props.items}>{(item) => <li class="msg-choice">{item.title}</li>}</For>
    </ul>
  );
}

export function MessageContent(props: { content: Content; senderName: string; onMediaLoad?: () => void }) {
  const as = <K extends Content["kind"]>(kind: K) => (props.content.kind === kind ? (props.content as Of<K>) : null);
  return (
    <Switch>
      <Match when={as("text")}>{(c) => <p class="msg-text">{c().text}</p>}</Match>
      <Match when={as("image")}>
        {(c) => (
          <>
            <WithUrl url={c().url} what="The image">
              {(url) => <Image url={url} alt={c().caption ? c().caption! : `Image from ${props.senderName}`} onLoad={props.onMediaLoad} />}
            </WithUrl>
            <Caption text={c().caption} />
          </>
        )}
      </Match>
      <Match when={as("audio")}>
        {(c) => (
          <WithUrl url={c().url} what="The audio">
            {(url) => (
              <div class="msg-audio">
                <audio controls preload="metadata" src={url} aria-label={c().voice ? "Voice note" : "Audio"} />
                <Show when={c().durationSec !== undefined}>
                  <span class="msg-duration">{formatDuration(c().durationSec ?? 0)}</span>
                </Show>
              </div>
            )}
          </WithUrl>
        )}
      </Match>
      <Match when={as("video")}>
        {(c) => (
          <>
            <WithUrl url={c().url} what="The video">
              {(url) => (
                <video
                  class="msg-video"
                  controls
                  preload="metadata"
                  src={url}
                  aria-label={c().caption ? `Video: ${c().caption}` : "Video"}
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
          <WithUrl url={c().url} what="The file">
            {(url) => (
              <a class="msg-file" href={url} download={c().filename} target="_blank" rel="noopener noreferrer">
                <span class="msg-file-icon" aria-hidden="true">
                  📎
                </span>
                <span class="msg-file-name">{c().filename}</span>
                <Show when={c().size !== undefined}>
                  <span class="msg-file-size">{formatBytes(c().size ?? 0)}</span>
                </Show>
              </a>
            )}
          </WithUrl>
        )}
      </Match>
      <Match when={as("location")}>
        {(c) => (
          <div class="msg-location">
            <p class="msg-text">
              <span aria-hidden="true">📍 </span>
              {c().name ?? "Shared location"}
            </p>
            <Show when={c().address}>
              <p class="msg-location-address">{c().address}</p>
            </Show>
            <a href={mapUrl(c().latitude, c().longitude)} target="_blank" rel="noopener noreferrer">
              Open in map ({c().latitude.toFixed(5)}, {c().longitude.toFixed(5)})
            </a>
          </div>
        )}
      </Match>
      <Match when={as("buttons")}>
        {(c) => (
          <>
            <p class="msg-text">{c().text}</p>
            <Choices label="Buttons" items={c().buttons} />
          </>
        )}
      </Match>
      <Match when={as("quick_replies")}>
        {(c) => (
          <>
            <p class="msg-text">{c().text}</p>
            <Choices label="Quick replies" items={c().replies} />
          </>
        )}
      </Match>
      <Match when={as("unsupported")}>
        {(c) => <p class="msg-unsupported">Unsupported message: {c().description}</p>}
      </Match>
    </Switch>
  );
}
