/** A Solid accessor over a Y.Map's validated values, updated on every change of the map. */
import { createSignal, onCleanup, type Accessor } from "solid-js";
import type * as Y from "yjs";
import type { z } from "zod";
import { changedKeys, ParsedValueCache, readKey } from "./y-values.ts";

/** A Y.Map's validated values, and what its last change brought. */
export interface YMapValues<T> extends Accessor<T[]> {
  /**
   * The answers' count and the values the last one parsed afresh (null: a whole read), without
   * tracking: a reader of thousands of values that only wants what is new, and saw the answer
   * before, looks at these.
   */
  lastChange(): { seq: number; changed: readonly T[] | null };
}

export function createYMapValues<T>(map: Y.Map<unknown>, schema: z.ZodType<T>, label: string): YMapValues<T> {
  const cache = new ParsedValueCache(schema, label);
  const [values, setValues] = createSignal<T[]>(cache.read(map), { equals: false });
  // Only the keys a change touched are read again: a team room holds thousands of chats.
  const update = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => setValues(cache.readChanged(map, changedKeys(map, events)));
  // Deep, so values stored as nested Y types also report changes.
  map.observeDeep(update);
  onCleanup(() => map.unobserveDeep(update));
  const accessor = (() => values()) as YMapValues<T>;
  accessor.lastChange = () => cache.lastChange;
  return accessor;
}

export function createYMapKey<T>(map: Y.Map<unknown>, key: string, schema: z.ZodType<T>): Accessor<T | null> {
  const [value, setValue] = createSignal<T | null>(readKey(map, key, schema));
  const update = () => setValue(() => readKey(map, key, schema));
  map.observeDeep(update);
  onCleanup(() => map.unobserveDeep(update));
  return value;
}

/** Any derived value of a Y.Map, recomputed on every change of the map. */
export function createYMapDerived<T>(map: Y.Map<unknown>, read: (map: Y.Map<unknown>) => T): Accessor<T> {
  const [value, setValue] = createSignal<T>(read(map), { equals: false });
  const update = () => setValue(() => read(map));
  map.observeDeep(update);
  onCleanup(() => map.unobserveDeep(update));
  return value;
}
