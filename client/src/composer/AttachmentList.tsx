/** The files waiting to go with the next reply, each removable. */
import { formatFileSize } from "../format/file-size.ts";
import { For, onCleanup, Show } from "solid-js";
import { t } from "./messages.ts";

export interface PickedFile {
  id: string;
  file: File;
}

function Thumb(props: { file: File }) {
  // A local preview of the agent's own file (never customer content): an object URL, freed with the chip.
  const url = URL.createObjectURL(props.file);
  onCleanup(() => URL.revokeObjectURL(url));
  return <img class="composer-attachment-thumb" src={url} alt="" />;
}

export function AttachmentList(props: { files: readonly PickedFile[]; onRemove(id: string): void }) {
  return (
    <Show when={props.files.length > 0}>
      <ul class="composer-attachments" aria-label={t("attachments")}>
        <For each={props.files}>
          {(f) => (
            <li class="composer-attachment">
              <Show when={f.file.type.startsWith("image/")} fallback={<span class="composer-attachment-icon" aria-hidden="true">📎</span>}>
                <Thumb file={f.file} />
              </Show>
              <span class="composer-attachment-name">{f.file.name}</span>
              <span class="composer-attachment-size">{formatFileSize(f.file.size)}</span>
              <button type="button" class="btn btn-ghost composer-attachment-remove" aria-label={t("removeAttachment", { name: f.file.name })} onClick={() => props.onRemove(f.id)}>
                ✕
              </button>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
