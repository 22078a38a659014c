import { Show } from "solid-js";

/**
 * A failure the person must read, announced by screen readers (role="alert"); renders nothing
 * when there is none. The text is the server's or our own sentence, shown as plain text.
 */
export function ErrorMessage(props: { message: string | null | undefined; class?: string }) {
  return (
    <Show when={props.message}>
      {(message) => (
        <p class={props.class ?? "form-error"} role="alert">
          {message()}
        </p>
      )}
    </Show>
  );
}
