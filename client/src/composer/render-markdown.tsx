/**
 * Markdown-lite as Solid nodes, for the composer's preview and for agents' bubbles in the
 * timeline (`renderMarkdownLite(text)` in MessageContent). Only text nodes and a fixed set of
 * elements are created, never HTML from the text; links are http(s) only (the parser accepts
 * nothing else) and open in a new tab without an opener.
 */
import { For, Show, type JSX } from "solid-js";
import { parseMarkdownLite, type Inline, type Line } from "./markdown-lite.ts";

function Inlines(props: { nodes: readonly Inline[] }): JSX.Element {
  return (
    <For each={props.nodes}>
      {(n) => {
        switch (n.kind) {
          case "text":
            return n.text;
          case "bold":
            return (
              <strong>
                <Inlines nodes={n.children} />
              </strong>
            );
          case "italic":
            return (
              <em>
                <Inlines nodes={n.children} />
              </em>
            );
          case "strike":
            return (
              <s>
                <Inlines nodes={n.children} />
              </s>
            );
          case "code":
            return <code class="md-code">{n.text}</code>;
          case "link":
            return (
              <a href={n.url} target="_blank" rel="noopener noreferrer">
                {n.text}
              </a>
            );
        }
      }}
    </For>
  );
}

/** Consecutive bullet lines become one list; other lines are kept apart by line breaks. */
type Block = { list: false; line: Line } | { list: true; items: Line[] };

function blocksOf(lines: readonly Line[]): Block[] {
  const out: Block[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (line.bullet && last?.list) last.items.push(line);
    else out.push(line.bullet ? { list: true, items: [line] } : { list: false, line });
  }
  return out;
}

/** The rendered text; `class` goes on the wrapping element. */
export function renderMarkdownLite(text: string, opts: { class?: string } = {}): JSX.Element {
  const blocks = blocksOf(parseMarkdownLite(text));
  return (
    <div class={opts.class ?? "md"}>
      <For each={blocks}>
        {(b, i) =>
          b.list ? (
            <ul class="md-list">
              <For each={b.items}>
                {(item) => (
                  <li>
                    <Inlines nodes={item.inlines} />
                  </li>
                )}
              </For>
            </ul>
          ) : (
            <>
              <Inlines nodes={b.line.inlines} />
              <Show when={i() < blocks.length - 1 && !blocks[i() + 1]!.list}>
                <br />
              </Show>
            </>
          )
        }
      </For>
    </div>
  );
}
