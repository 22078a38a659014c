/**
 * The credential inputs of one channel, labelled, secrets as password boxes the browser must not
 * remember or fill in, each with where to find it and the server's (or our) problem with it.
 */
import type { ChannelType } from "@inbox/shared";
import { For, Show } from "solid-js";
import { CREDENTIAL_FIELDS } from "./channel-credentials.ts";

export function CredentialFields(props: {
  channel: ChannelType;
  /** Unique per form, so two forms on the page never share input ids. */
  idPrefix: string;
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  onInput(key: string, value: string): void;
}) {
  return (
    <For each={CREDENTIAL_FIELDS[props.channel]}>
      {(field) => {
        const id = () => `${props.idPrefix}-${field.key}`;
        const error = () => props.errors[field.key];
        const describedBy = () => [field.hint ? `${id()}-hint` : "", error() ? `${id()}-error` : ""].filter(Boolean).join(" ") || undefined;
        return (
          <div class="field">
            <label for={id()}>{field.label()}</label>
            <input
              id={id()}
              name={field.key}
              type={field.secret ? "password" : "text"}
              // "new-password" keeps the browser's password manager from filling in the admin's own password.
              autocomplete={field.secret ? "new-password" : "off"}
              autocapitalize="off"
              spellcheck={false}
              required
              value={props.values[field.key] ?? ""}
              aria-invalid={error() ? "true" : undefined}
              aria-describedby={describedBy()}
              onInput={(e) => props.onInput(field.key, e.currentTarget.value)}
            />
            <Show when={field.hint}>
              <p class="field-hint" id={`${id()}-hint`}>
                {field.hint?.()}
              </p>
            </Show>
            <Show when={error()}>
              <p class="field-error" id={`${id()}-error`}>
                {error()}
              </p>
            </Show>
          </div>
        );
      }}
    </For>
  );
}
