/**
 * A file the agent picked and has not sent yet, as a chip: a thumbnail for an image (else 📎),
 * its name and size, and ✕ to remove it. The reply box's attachments and a template's header
 * file both show it.
 */
import { onCleanup, Show } from "solid-js";
import { formatFileSize } from "../format/file-size.ts";
import { t } from "./messages.ts";

function Thumb(props: { file: File }) {
  // A local preview of the agent's own file (never customer content): an object URL, made only
  // for a kind that shows one and freed with the chip.
  const url = URL.createObjectURL(props.file);
  onCleanup(() => URL.revokeObjectURL(url));
  return <img class="composer-attachment-thumb" src={url} alt={props.file.name} />;
}

export function FileChip(props: { file: File; onRemove(): void }) {
  const isImage = () => props.file.type.startsWith("image/");
  return (
    <div class="composer-attachment">
      <Show when={isImage()} fallback={<span class="composer-attachment-icon" aria-hidden="true">📎</span>}>
        <Thumb file={props.file} />
      </Show>
      {/* The thumbnail already names an image: its name is not read twice. */}
      <span class="composer-attachment-name" aria-hidden={isImage() ? "true" : undefined}>
        {props.file.name}
      </span>
      <span class="composer-attachment-size">{formatFileSize(props.file.size)}</span>
      <button type="button" class="btn btn-ghost composer-attachment-remove" aria-label={t("removeAttachment", { name: props.file.name })} onClick={() => props.onRemove()}>
        ✕
      </button>
    </div>
  );
}
