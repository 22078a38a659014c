import { createMemo, For, Show, type Accessor, type JSX } from "solid-js";

/**
 * Table rows keyed by id: when the list is refreshed, a row whose item is still there keeps its
 * DOM (and whatever someone is typing or has focus on in it), yet sees the item's new fields.
 * `<For>` alone would key by object, and every refresh brings new objects.
 */
export function ForById<T extends { id: string }>(props: { each: readonly T[]; children: (item: Accessor<T>, id: string) => JSX.Element }) {
  const ids = createMemo(() => props.each.map((x) => x.id), [], { equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]) });
  const byId = createMemo(() => new Map(props.each.map((x) => [x.id, x])));
  return <For each={ids()}>{(id) => <Show when={byId().get(id)}>{(item) => props.children(item, id)}</Show>}</For>;
}
