/**
 * Markdown-lite, the formatting agents write (`**bold**`, `_italic_`, `~~strike~~`, `` `code` ``,
 * `- ` lists, `[text](https://url)`): parsed into a small tree for previews and bubbles, and
 * the toolbar's edits. The same syntax the connectors turn into each platform's own format
 * (connectors/src/formatting.ts), so what the agent sees is what the channel gets. Pure.
 */

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "bold" | "italic" | "strike"; children: Inline[] }
  | { kind: "code"; text: string }
  | { kind: "link"; text: string; url: string };

export interface Line {
  bullet: boolean;
  inlines: Inline[];
}

const LINK = /^\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/;
/** After an italic's closing `_`: the same boundary the connectors use. */
const ITALIC_AFTER = /[\s).,!?]/;
const ITALIC_BEFORE = /[\s(]/;

export function parseMarkdownLite(text: string): Line[] {
  return text.split("\n").map((raw) => {
    const bullet = raw.startsWith("- ");
    return { bullet, inlines: parseInline(bullet ? raw.slice(2) : raw) };
  });
}

export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  let plain = "";
  const flush = () => {
    if (plain) out.push({ kind: "text", text: plain });
    plain = "";
  };
  let i = 0;
  while (i < s.length) {
    const rest = s.slice(i);
    const ch = s[i]!;
    if (ch === "`") {
      const end = s.indexOf("`", i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: "code", text: s.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    } else if (ch === "[") {
      const m = LINK.exec(rest);
      if (m) {
        flush();
        out.push({ kind: "link", text: m[1]!, url: m[2]! });
        i += m[0].length;
        continue;
      }
    } else if (rest.startsWith("**") || rest.startsWith("~~")) {
      const marker = rest.slice(0, 2);
      const end = s.indexOf(marker, i + 2);
      if (end > i + 2) {
        flush();
        out.push({ kind: marker === "**" ? "bold" : "strike", children: parseInline(s.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    } else if (ch === "_" && (i === 0 || ITALIC_BEFORE.test(s[i - 1]!))) {
      let end = s.indexOf("_", i + 2);
      while (end !== -1 && end + 1 < s.length && !ITALIC_AFTER.test(s[end + 1]!)) end = s.indexOf("_", end + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: "italic", children: parseInline(s.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
  return out;
}

/** The text a plain-text channel shows: markers gone, links as "text (url)", bullets as "•". */
export function plainOf(lines: readonly Line[]): string {
  const flat = (inlines: readonly Inline[]): string =>
    inlines
      .map((n) => {
        switch (n.kind) {
          case "text":
          case "code":
            return n.text;
          case "link":
            return `${n.text} (${n.url})`;
          default:
            return flat(n.children);
        }
      })
      .join("");
  return lines.map((l) => (l.bullet ? "• " : "") + flat(l.inlines)).join("\n");
}

export type Format = "bold" | "italic" | "strike" | "code" | "list" | "link";

const MARKERS: Record<"bold" | "italic" | "strike" | "code", string> = { bold: "**", italic: "_", strike: "~~", code: "`" };

/** One replacement in the text, and where the selection goes after it. */
export interface FormatEdit {
  index: number;
  remove: number;
  insert: string;
  selectionStart: number;
  selectionEnd: number;
}

/**
 * What a toolbar button (or Ctrl/Cmd+B, +I) does to the text at the selection: wraps it in
 * the markers (or unwraps it if already wrapped), with an empty selection leaves the caret
 * between new markers; lists toggle "- " on every selected line; a link wraps the selection as
 * its text and selects the address to type.
 */
export function applyFormat(text: string, start: number, end: number, format: Format): FormatEdit {
  if (start > end) [start, end] = [end, start];
  const selected = text.slice(start, end);
  if (format === "list") return toggleList(text, start, end);
  if (format === "link") {
    const isUrl = /^https?:\/\/\S+$/.test(selected);
    const label = isUrl || !selected ? "link text" : selected;
    const url = isUrl ? selected : "https://";
    const insert = `[${label}](${url})`;
    // Select what is still to be typed: the address, or the words when the address was selected.
    const [from, to] = isUrl || !selected ? [start + 1, start + 1 + label.length] : [start + label.length + 3, start + label.length + 3 + url.length];
    return { index: start, remove: end - start, insert, selectionStart: from, selectionEnd: to };
  }
  const m = MARKERS[format];
  const before = text.slice(start - m.length, start);
  const after = text.slice(end, end + m.length);
  if (start >= m.length && before === m && after === m) {
    return { index: start - m.length, remove: end - start + 2 * m.length, insert: selected, selectionStart: start - m.length, selectionEnd: end - m.length };
  }
  if (selected.length > 2 * m.length && selected.startsWith(m) && selected.endsWith(m)) {
    const inner = selected.slice(m.length, -m.length);
    return { index: start, remove: end - start, insert: inner, selectionStart: start, selectionEnd: start + inner.length };
  }
  // Markers hug the words: "**bold** " not "** bold **", which no platform would render.
  const lead = selected.length - selected.trimStart().length;
  const trail = selected.length - selected.trimEnd().length;
  const core = selected.trim();
  const insert = `${selected.slice(0, lead)}${m}${core}${m}${selected.slice(selected.length - trail)}`;
  const from = start + lead + m.length;
  return { index: start, remove: end - start, insert, selectionStart: from, selectionEnd: from + core.length };
}

function toggleList(text: string, start: number, end: number): FormatEdit {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const nl = text.indexOf("\n", end > start && text[end - 1] === "\n" ? end - 1 : end);
  const lineEnd = nl === -1 ? text.length : nl;
  const lines = text.slice(lineStart, lineEnd).split("\n");
  const all = lines.every((l) => l.startsWith("- ") || l.trim() === "");
  const next = lines.map((l) => (all ? (l.startsWith("- ") ? l.slice(2) : l) : l.trim() === "" || l.startsWith("- ") ? l : `- ${l}`));
  const insert = next.join("\n");
  const delta = insert.length - (lineEnd - lineStart);
  const single = lines.length === 1;
  return {
    index: lineStart,
    remove: lineEnd - lineStart,
    insert,
    selectionStart: single ? Math.max(lineStart, start + delta) : lineStart,
    selectionEnd: single ? Math.max(lineStart, end + delta) : lineStart + insert.length,
  };
}
