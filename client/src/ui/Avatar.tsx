/** Initials in a coloured circle, or the person's picture; decorative, the name is always printed beside it. */
import { Show } from "solid-js";
import { avatarHue } from "../format/avatar-colour.ts";
import { initials } from "../format/labels.ts";

export function Avatar(props: { name: string; size?: "sm" | "md" | "lg"; src?: string | null }) {
  return (
    <Show
      when={props.src}
      fallback={
        <span class={`avatar avatar-${props.size ?? "md"}`} style={{ "--avatar-hue": String(avatarHue(props.name)) }} aria-hidden="true">
          {initials(props.name)}
        </span>
      }
    >
      {(src) => <img class={`avatar avatar-image avatar-${props.size ?? "md"}`} src={src()} alt="" aria-hidden="true" />}
    </Show>
  );
}
