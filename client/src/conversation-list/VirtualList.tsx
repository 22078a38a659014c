/**
 * A windowed list of fixed-height rows: only the rows in view (plus `overscan` each side) are
 * in the DOM, so ten thousand rows scroll like twenty. The rows keep list semantics (a list of
 * listitems with their position in the whole list) and one tab stop (roving tabindex): ↑/↓ and
 * J/K move, Home/End jump, Page Up/Down move a screen; the row's own button opens it on Enter.
 *
 * When the order changes under the agent (a message arrives and its conversation moves up),
 * the row they are looking at keeps its place on screen unless they are at the very top, and
 * keyboard focus stays on the same row even though its node moved.
 */
import { createComputed, createEffect, createMemo, createSignal, For, on, onCleanup, onMount, untrack, type Accessor, type JSX } from "solid-js";

export interface RowProps {
  id: string;
  index: Accessor<number>;
  /** 0 for the list's one tab stop, -1 for the others. */
  tabIndex: Accessor<number>;
}

export function VirtualList(props: {
  ids: readonly string[];
  /** Rows the list has, loaded or not (≥ ids.length): sets the scroll height. */
  total: number;
  rowHeight: number;
  overscan?: number;
  label: string;
  /** Id of a text that explains the keys. */
  describedBy?: string;
  /** The row that is the tab stop when the agent has not moved yet (e.g. the open one). */
  preferredId: string | null;
  /** A new value scrolls back to the top (e.g. another filter). */
  resetKey: string;
  /** Asked when the window reaches rows not loaded yet. */
  onNeedRows?: (lastIndex: number) => void;
  class?: string;
  children: (row: RowProps) => JSX.Element;
}) {
  let scroller!: HTMLDivElement;
  const overscan = () => props.overscan ?? 6;
  const [scrollTop, setScrollTop] = createSignal(0);
  const [height, setHeight] = createSignal(600);
  const [focusedId, setFocusedId] = createSignal<string | null>(null);

  const tabStop = createMemo(() => {
    for (const id of [focusedId(), props.preferredId]) if (id !== null && props.ids.includes(id)) return id;
    return props.ids[0] ?? null;
  });

  const range = createMemo(
    () => {
      const h = props.rowHeight;
      const start = Math.max(0, Math.floor(scrollTop() / h) - overscan());
      const end = Math.min(props.total, Math.ceil((scrollTop() + height()) / h) + overscan());
      return { start, end };
    },
    undefined,
    { equals: (a, b) => a.start === b.start && a.end === b.end },
  );
  // Where the rows in the DOM stand. Only those: a map of every id, built again on each change
  // of a 10,000-row list, cost more than the rest of the list's work on a new message.
  const placed = createMemo(() => {
    const { start, end } = range();
    const ids = props.ids;
    const at = new Map<string, number>();
    for (let i = start; i < Math.min(end, ids.length); i++) at.set(ids[i]!, i);
    return at;
  });
  /** An id's place in the list (-1 when absent): read from the DOM's rows, else looked up. */
  const indexOf = (id: string): number => placed().get(id) ?? props.ids.indexOf(id);

  const rendered = createMemo<readonly string[]>(
    () => {
      const { start, end } = range();
      const ids = props.ids.slice(start, Math.min(end, props.ids.length));
      // The focused row stays in the DOM even when scrolled away, so focus is never dropped.
      // Placed on the side it lies on, so scrolling away never moves its node.
      const stop = tabStop();
      if (stop !== null && !ids.includes(stop)) {
        if (indexOf(stop) < start) ids.unshift(stop);
        else ids.push(stop);
      }
      return ids;
    },
    [],
    { equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]) },
  );

  createEffect(() => {
    const { end } = range();
    if (end > props.ids.length - overscan() && props.ids.length < props.total) props.onNeedRows?.(end + overscan());
  });

  const setTop = (top: number) => {
    scroller.scrollTop = top;
    setScrollTop(scroller.scrollTop);
  };
  /** Scrolls as little as needed to show the row whole. */
  const scrollToIndex = (index: number) => {
    const h = props.rowHeight;
    const top = untrack(scrollTop);
    if (index * h < top) setTop(index * h);
    else if ((index + 1) * h > top + untrack(height)) setTop((index + 1) * h - untrack(height));
  };
  const rowButton = (id: string) =>
    scroller?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(id)}"] button, [data-row-id="${CSS.escape(id)}"] [tabindex]`) ?? null;

  // ---------- order changes: keep the row in view where it was, and keep focus on it ----------
  let anchorShift = 0;
  let refocus: string | null = null;
  createComputed(
    on(
      () => props.ids,
      (next, prev) => {
        anchorShift = 0;
        if (!prev || !scroller || untrack(scrollTop) <= 0) return;
        const h = props.rowHeight;
        const top = untrack(scrollTop);
        const inView = (i: number) => i * h >= top && (i + 1) * h <= top + untrack(height);
        const stop = untrack(tabStop);
        const prevIndex = new Map(prev.map((id, i) => [id, i]));
        const anchor = stop !== null && inView(prevIndex.get(stop) ?? -1) ? stop : (prev[Math.ceil(top / h)] ?? null);
        if (anchor === null) return;
        const before = prevIndex.get(anchor);
        const after = next.indexOf(anchor);
        if (before !== undefined && after >= 0) anchorShift = (after - before) * h;
      },
    ),
  );
  createEffect(
    on(
      () => props.ids,
      () => {
        if (anchorShift !== 0) setTop(untrack(scrollTop) + anchorShift);
        anchorShift = 0;
      },
      { defer: true },
    ),
  );
  // Runs before the DOM follows `rendered` (a node that moves loses focus in the browser).
  createComputed(
    on(rendered, () => {
      const active = document.activeElement;
      refocus = active instanceof HTMLElement && scroller?.contains(active) ? (active.closest<HTMLElement>("[data-row-id]")?.dataset.rowId ?? null) : null;
    }),
  );
  createEffect(
    on(rendered, () => {
      if (refocus === null) return;
      const el = rowButton(refocus);
      refocus = null;
      if (el && document.activeElement !== el) el.focus({ preventScroll: true });
    }),
  );

  // Opened from elsewhere (a shortcut, a link): bring its row into view, leave focus alone.
  createEffect(
    on(
      () => props.preferredId,
      (id) => {
        const index = id === null ? -1 : untrack(() => indexOf(id));
        if (index >= 0) scrollToIndex(index);
      },
      { defer: true },
    ),
  );

  createEffect(
    on(
      () => props.resetKey,
      () => {
        setFocusedId(null);
        setTop(0);
      },
      { defer: true },
    ),
  );

  // ---------- keyboard ----------
  const focusIndex = (index: number) => {
    const id = props.ids[index];
    if (id === undefined) return;
    scrollToIndex(index);
    setFocusedId(id);
    // Signals update the DOM synchronously here, so the row exists now.
    rowButton(id)?.focus({ preventScroll: true });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    const target = e.target as HTMLElement;
    const rowId = target.closest<HTMLElement>("[data-row-id]")?.dataset.rowId;
    if (rowId === undefined) return;
    const current = Math.max(0, indexOf(rowId));
    const page = Math.max(1, Math.floor(untrack(height) / props.rowHeight) - 1);
    const last = props.ids.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      j: current + 1,
      ArrowUp: current - 1,
      k: current - 1,
      Home: 0,
      End: last,
      PageDown: current + page,
      PageUp: current - page,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    focusIndex(Math.max(0, Math.min(last, to)));
  };

  onMount(() => {
    const observer = new ResizeObserver(() => setHeight(scroller.clientHeight || 600));
    observer.observe(scroller);
    setHeight(scroller.clientHeight || 600);
    onCleanup(() => observer.disconnect());
  });

  return (
    <div class={`vlist ${props.class ?? ""}`} ref={scroller} onScroll={() => setScrollTop(scroller.scrollTop)}>
      <ul
        class="vlist-rows"
        aria-label={props.label}
        aria-describedby={props.describedBy}
        style={{ height: `${props.total * props.rowHeight}px` }}
        onKeyDown={onKeyDown}
        onFocusIn={(e) => {
          const id = (e.target as HTMLElement).closest<HTMLElement>("[data-row-id]")?.dataset.rowId;
          if (id !== undefined) setFocusedId(id);
        }}
      >
        <For each={rendered()}>
          {(id) => {
            const index = () => Math.max(0, indexOf(id));
            return (
              <li
                class="vlist-row"
                data-row-id={id}
                aria-setsize={props.total}
                aria-posinset={index() + 1}
                style={{ transform: `translateY(${index() * props.rowHeight}px)`, height: `${props.rowHeight}px` }}
              >
                {props.children({ id, index, tabIndex: () => (tabStop() === id ? 0 : -1) })}
              </li>
            );
          }}
        </For>
      </ul>
    </div>
  );
}
