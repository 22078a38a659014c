/** The files waiting to go with the next reply, each removable. */
import { For, Show } from "solid-js";
import { FileChip } from "./FileChip.tsx";
import { t } from "./messages.ts";

export interface PickedFile {
  id: string;
  file: File;
}

export function AttachmentList(props: { files: readonly PickedFile[]; onRemove(id: string): void }) {
  return (
    <Show when={props.files.length > 0}>
      <ul class="composer-attachments" aria-label={t("attachments")}>
        <For each={props.files}>
          {(f) => (
            <li>
              <FileChip file={f.file} onRemove={() => props.onRemove(f.id)} />
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
