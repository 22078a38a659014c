/**
 * Voice notes and audio: play/pause, a seek bar and "elapsed / duration", over a native <audio>
 * without its own controls (so it looks the same in every browser). The duration comes from the
 * file once loaded, else from what the platform said. A file the browser cannot play says so,
 * with a download link.
 */
import { createSignal, Show } from "solid-js";
import { formatDuration } from "../../format/time.ts";
import { t } from "./messages.ts";

export function AudioPlayer(props: { url: string; voice: boolean; durationSec: number | undefined }) {
  let audio!: HTMLAudioElement;
  const [playing, setPlaying] = createSignal(false);
  const [time, setTime] = createSignal(0);
  const [fileDuration, setFileDuration] = createSignal<number | null>(null);
  const [broken, setBroken] = createSignal(false);
  const what = () => (props.voice ? t("voiceNote") : t("audio")).toLocaleLowerCase();
  // Some recordings (e.g. WebM from browsers) report Infinity until played through.
  const duration = () => fileDuration() ?? props.durationSec ?? null;
  const readDuration = () => {
    if (Number.isFinite(audio.duration) && audio.duration > 0) setFileDuration(audio.duration);
  };

  const toggle = () => {
    if (audio.paused) audio.play().catch(() => setBroken(true));
    else audio.pause();
  };

  return (
    <div class="audio-player" classList={{ "audio-voice": props.voice }} role="group" aria-label={props.voice ? t("voiceNote") : t("audio")}>
      <audio
        ref={audio}
        src={props.url}
        preload="metadata"
        onLoadedMetadata={readDuration}
        onDurationChange={readDuration}
        onTimeUpdate={() => setTime(audio.currentTime)}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => {
          setPlaying(false);
          setTime(0);
        }}
        onError={() => setBroken(true)}
      />
      <Show
        when={!broken()}
        fallback={
          <a class="msg-file" href={props.url} download="" target="_blank" rel="noopener noreferrer">
            <span class="msg-file-icon" aria-hidden="true">
              🎤
            </span>
            <span class="msg-file-name">{t("audioBroken")}</span>
            <Show when={duration() !== null}>
              <span class="msg-duration">{formatDuration(duration() ?? 0)}</span>
            </Show>
          </a>
        }
      >
        <button type="button" class="audio-toggle" onClick={toggle} aria-label={playing() ? t("pause", { what: what() }) : t("play", { what: what() })}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <Show when={playing()} fallback={<path d="M4 2.5v11l9.5-5.5z" fill="currentColor" />}>
              <rect x="3" y="2.5" width="3.5" height="11" rx="1" fill="currentColor" />
              <rect x="9.5" y="2.5" width="3.5" height="11" rx="1" fill="currentColor" />
            </Show>
          </svg>
        </button>
        <input
          class="audio-seek"
          type="range"
          min="0"
          max={duration() ?? 0}
          step="0.1"
          value={time()}
          disabled={duration() === null}
          aria-label={t("position", { what: what() })}
          aria-valuetext={`${formatDuration(time())} / ${formatDuration(duration() ?? 0)}`}
          onInput={(e) => {
            audio.currentTime = Number(e.currentTarget.value);
            setTime(audio.currentTime);
          }}
        />
        <span class="msg-duration audio-time">
          <Show when={playing() || time() > 0}>{formatDuration(time())} / </Show>
          <Show when={duration() !== null} fallback="–:––">
            <span class="audio-duration">{formatDuration(duration() ?? 0)}</span>
          </Show>
        </span>
      </Show>
    </div>
  );
}
