/**
 * What every Settings section says above its content: that it shows the device's copy while
 * offline, that the server could not be read (with a retry), and the outcome of the last change.
 */
import { Show } from "solid-js";

export function SectionNotices(props: {
  offline: boolean;
  offlineText: string;
  loadError?: string | null | false;
  retryText?: string;
  onRetry?(): void;
  /** The last change's outcome, in a live region that is always there (so it is announced). */
  message?: string;
  error?: string;
}) {
  return (
    <>
      <Show when={props.offline}>
        <p class="form-error" role="status">
          {props.offlineText}
        </p>
      </Show>
      <Show when={!props.offline && props.loadError}>
        {(e) => (
          <div class="settings-error">
            <p class="form-error" role="alert">
              {e()}
            </p>
            <Show when={props.onRetry}>
              <button type="button" class="btn" onClick={() => props.onRetry?.()}>
                {props.retryText}
              </button>
            </Show>
          </div>
        )}
      </Show>
      <Show when={props.message !== undefined}>
        <p class="form-done" role="status">
          {props.message}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="form-error" role="alert">
          {props.error}
        </p>
      </Show>
    </>
  );
}
