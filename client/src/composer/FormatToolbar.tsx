/**
 * The composer's toolbar: formatting buttons that write markdown-lite at the selection, then
 * whatever the mode adds (emoji, attachments, knowledge base, choices, preview). Buttons keep
 * the focus in the text box on mouse use, so the selection they act on stays visible.
 */
import { For, type JSX } from "solid-js";
import { LinkIcon, ListIcon } from "./icons.tsx";
import type { Format } from "./markdown-lite.ts";
import { t } from "./messages.ts";

const FORMATS: { format: Format; label: () => string; glyph: () => JSX.Element; shortcut?: string }[] = [
  { format: "bold", label: () => t("bold"), glyph: () => "B", shortcut: "Ctrl+B" },
  { format: "italic", label: () => t("italic"), glyph: () => "I", shortcut: "Ctrl+I" },
  { format: "strike", label: () => t("strike"), glyph: () => "S" },
  { format: "code", label: () => t("code"), glyph: () => "</>" },
  { format: "list", label: () => t("list"), glyph: () => <ListIcon /> },
  { format: "link", label: () => t("link"), glyph: () => <LinkIcon /> },
];

/** mousedown would move focus out of the text box and hide its selection. */
export const keepFocus = (e: MouseEvent) => e.preventDefault();

export function FormatToolbar(props: { onFormat(format: Format): void; children?: JSX.Element }) {
  return (
    <div class="composer-toolbar" role="toolbar" aria-label={t("toolbar")}>
      <For each={FORMATS}>
        {(f) => (
          <button
            type="button"
            class={`composer-tool composer-tool-${f.format}`}
            aria-label={f.label()}
            title={f.shortcut ? `${f.label()} (${f.shortcut})` : f.label()}
            aria-keyshortcuts={f.shortcut ? `Control+${f.shortcut.slice(-1)} Meta+${f.shortcut.slice(-1)}` : undefined}
            onMouseDown={keepFocus}
            onClick={() => props.onFormat(f.format)}
          >
            <span aria-hidden="true">{f.glyph()}</span>
          </button>
        )}
      </For>
      <span class="composer-toolbar-sep" aria-hidden="true" />
      {props.children}
    </div>
  );
}
