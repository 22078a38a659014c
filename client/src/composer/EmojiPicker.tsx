/**
 * Emoji and special characters, searchable by name. Keyboard: type to search, ↓ into the
 * grid, arrows move, Enter inserts, Esc closes (focus goes back to the text box). The caret
 * stays where it was in the text: the composer inserts there.
 */
import { createMemo, createSignal, For, onMount, Show } from "solid-js";
import { EMOJI, SYMBOLS, searchGlyphs, type Glyph } from "./emoji-data.ts";
import { t } from "./messages.ts";

const COLUMNS = 8;

export function EmojiPicker(props: { onPick(char: string): void; onClose(): void }) {
  const [query, setQuery] = createSignal("");
  const emoji = createMemo(() => searchGlyphs(EMOJI, query()));
  const symbols = createMemo(() => searchGlyphs(SYMBOLS, query()));
  let root!: HTMLDivElement;
  let search!: HTMLInputElement;
  onMount(() => search.focus());

  const buttons = () => [...root.querySelectorAll<HTMLButtonElement>("button.emoji-glyph")];
  const move = (from: HTMLElement, by: number) => {
    const all = buttons();
    const i = all.indexOf(from as HTMLButtonElement);
    const next = all[Math.min(all.length - 1, Math.max(0, i + by))];
    if (i + by < 0) search.focus();
    else next?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      props.onClose();
      return;
    }
    const target = e.target as HTMLElement;
    if (target === search) {
      if (e.key === "ArrowDown" || (e.key === "Enter" && buttons().length > 0)) {
        e.preventDefault();
        if (e.key === "Enter") buttons()[0]!.click();
        else buttons()[0]?.focus();
      }
      return;
    }
    const by = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS }[e.key];
    if (by !== undefined) {
      e.preventDefault();
      move(target, by);
    }
  };

  const Grid = (p: { label: string; glyphs: Glyph[] }) => (
    <Show when={p.glyphs.length > 0}>
      <div class="emoji-section" role="group" aria-label={p.label}>
        <p class="emoji-section-title" aria-hidden="true">
          {p.label}
        </p>
        <div class="emoji-grid">
          <For each={p.glyphs}>
            {(g) => (
              <button type="button" class="emoji-glyph" aria-label={g.name} title={g.name} onClick={() => props.onPick(g.char)}>
                {g.char}
              </button>
            )}
          </For>
        </div>
      </div>
    </Show>
  );

  return (
    <div ref={root} class="emoji-picker" role="dialog" aria-label={t("emoji")} onKeyDown={onKeyDown}>
      <div class="emoji-picker-head">
        <input
          ref={search}
          type="search"
          class="emoji-search"
          aria-label={t("emojiSearch")}
          placeholder={t("emojiSearch")}
          value={query()}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <button type="button" class="btn btn-ghost emoji-close" aria-label={t("close")} onClick={() => props.onClose()}>
          ✕
        </button>
      </div>
      <div class="emoji-body">
        <Grid label={t("emojiEmoji")} glyphs={emoji()} />
        <Grid label={t("emojiSymbols")} glyphs={symbols()} />
        <Show when={emoji().length === 0 && symbols().length === 0}>
          <p class="emoji-none" role="status">
            {t("emojiNone", { query: query() })}
          </p>
        </Show>
      </div>
    </div>
  );
}
