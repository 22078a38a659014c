/** Initials in a coloured circle; decorative, the name is always printed beside it. */
import { avatarHue } from "../format/avatar-colour.ts";
import { initials } from "../format/labels.ts";

export function Avatar(props: { name: string; size?: "sm" | "md" | "lg" }) {
  return (
    <span
      class={`avatar avatar-${props.size ?? "md"}`}
      style={{ "--avatar-hue": String(avatarHue(props.name)) }}
      aria-hidden="true"
    >
      {initials(props.name)}
    </span>
  );
}
