import { describe, expect, it } from "vitest";
import { applyFormat, parseMarkdownLite, plainOf, type FormatEdit } from "./markdown-lite.ts";

/** The text after an edit, with `[` `]` marking the selection. */
function after(text: string, e: FormatEdit): string {
  const next = text.slice(0, e.index) + e.insert + text.slice(e.index + e.remove);
  return next.slice(0, e.selectionStart) + "[" + next.slice(e.selectionStart, e.selectionEnd) + "]" + next.slice(e.selectionEnd);
}

/** Selects the first occurrence of `part` in `text` and applies the format. */
function format(text: string, part: string, f: Parameters<typeof applyFormat>[3]): string {
  const start = text.indexOf(part);
  return after(text, applyFormat(text, start, start + part.length, f));
}

describe("toolbar formatting", () => {
  it("wraps the selected words in the format's markers and keeps them selected", () => {
    expect(format("thanks a lot", "a lot", "bold")).toBe("thanks **[a lot]**");
    expect(format("thanks a lot", "thanks", "italic")).toBe("_[thanks]_ a lot");
    expect(format("old price", "old", "strike")).toBe("~~[old]~~ price");
    expect(format("run npm ci", "npm ci", "code")).toBe("run `[npm ci]`");
  });

  it("keeps spaces outside the markers, where platforms still render them", () => {
    expect(format("say hello there", " hello ", "bold")).toBe("say **[hello]** there");
  });

  it("with nothing selected, leaves the caret between new markers", () => {
    const e = applyFormat("Hi ", 3, 3, "bold");
    expect(after("Hi ", e)).toBe("Hi **[]**");
  });

  it("pressing it again removes the format", () => {
    const text = "thanks **a lot**";
    const start = text.indexOf("a lot");
    expect(after(text, applyFormat(text, start, start + 5, "bold"))).toBe("thanks [a lot]");
    expect(format(text, "**a lot**", "bold")).toBe("thanks [a lot]");
  });

  it("a list toggles '- ' on every selected line", () => {
    const text = "Steps:\nopen the app\nsign in";
    const start = text.indexOf("open");
    const e = applyFormat(text, start, text.length, "list");
    expect(after(text, e)).toBe("Steps:\n[- open the app\n- sign in]");
    const listed = "Steps:\n- open the app\n- sign in";
    expect(after(listed, applyFormat(listed, 7, listed.length, "list"))).toBe("Steps:\n[open the app\nsign in]");
  });

  it("a list on one line keeps the caret where it was in the words", () => {
    const e = applyFormat("buy milk", 3, 3, "list");
    expect(after("buy milk", e)).toBe("- buy[] milk");
  });

  it("a link uses the selection as its text and selects the address to type", () => {
    expect(format("see the guide", "the guide", "link")).toBe("see [the guide]([https://])");
    expect(format("go https://x.test/a", "https://x.test/a", "link")).toBe("go [[link text]](https://x.test/a)");
  });
});

describe("reading markdown-lite", () => {
  it("finds bold, italic, strike, code and links, nested where written so", () => {
    const [line] = parseMarkdownLite("**Hi _there_**, ~~old~~ `code` [docs](https://d.test/x)");
    expect(line!.inlines).toEqual([
      { kind: "bold", children: [{ kind: "text", text: "Hi " }, { kind: "italic", children: [{ kind: "text", text: "there" }] }] },
      { kind: "text", text: ", " },
      { kind: "strike", children: [{ kind: "text", text: "old" }] },
      { kind: "text", text: " " },
      { kind: "code", text: "code" },
      { kind: "text", text: " " },
      { kind: "link", text: "docs", url: "https://d.test/x" },
    ]);
  });

  it("leaves snake_case words, unclosed markers and non-web links as typed", () => {
    expect(plainOf(parseMarkdownLite("my_file_name **open"))).toBe("my_file_name **open");
    expect(parseMarkdownLite("[x](javascript:alert(1))")[0]!.inlines).toEqual([{ kind: "text", text: "[x](javascript:alert(1))" }]);
  });

  it("lines starting with '- ' are bullets; plain channels show them with •", () => {
    const lines = parseMarkdownLite("Options:\n- **fast**\n- cheap");
    expect(lines.map((l) => l.bullet)).toEqual([false, true, true]);
    expect(plainOf(lines)).toBe("Options:\n• fast\n• cheap");
  });
});
