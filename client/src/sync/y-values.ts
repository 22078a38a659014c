/**
 * Reads the plain JSON values out of a server-authored Y.Map and validates them with a zod
 * schema. Pure (no Solid), so it is unit-tested in node.
 *
 * The contract stores plain JSON objects; strings holding JSON and nested Y types are accepted
 * too, so a change of storage on the server does not blank the inbox. Values that do not match
 * the schema are skipped (and reported once) instead of breaking the whole list.
 */
import * as Y from "yjs";
import type { z } from "zod";

interface CacheEntry<T> {
  raw: unknown;
  parsed: T | null;
}

/**
 * Keeps the parsed object of each key while its raw value is unchanged, so unchanged rows keep
 * their object identity and Solid's <For> does not re-render them on every update.
 */
export class ParsedValueCache<T> {
  private readonly entries = new Map<string, CacheEntry<T>>();
  /**
   * The answers so far, counted, and what the last one parsed afresh (null: it was a whole
   * read): a reader that saw answer `seq - 1` finds everything new since in `changed`.
   */
  lastChange: { seq: number; changed: readonly T[] | null } = { seq: 0, changed: null };
  constructor(
    private readonly schema: z.ZodType<T>,
    private readonly label: string,
  ) {}

  read(map: Y.Map<unknown>): T[] {
    this.lastChange = { seq: this.lastChange.seq + 1, changed: null };
    const out: T[] = [];
    const seen = new Set<string>();
    map.forEach((raw, key) => {
      seen.add(key);
      const parsed = this.parse(key, raw);
      if (parsed !== null) out.push(parsed);
    });
    for (const key of this.entries.keys()) if (!seen.has(key)) this.entries.delete(key);
    return out;
  }

  /**
   * The values after a change of `keys` only (see changedKeys): those are parsed again, the rest
   * are not looked at, so a change to one entry of a big map costs one parse, not a walk of it.
   */
  readChanged(map: Y.Map<unknown>, keys: Iterable<string>): T[] {
    const changed: T[] = [];
    for (const key of keys) {
      if (!map.has(key)) this.entries.delete(key);
      else {
        const parsed = this.parse(key, map.get(key));
        if (parsed !== null) changed.push(parsed);
      }
    }
    this.lastChange = { seq: this.lastChange.seq + 1, changed };
    const out: T[] = [];
    for (const { parsed } of this.entries.values()) if (parsed !== null) out.push(parsed);
    return out;
  }

  private parse(key: string, raw: unknown): T | null {
    const cached = this.entries.get(key);
    // Y types mutate in place, so their identity says nothing about their content.
    if (cached && cached.raw === raw && !(raw instanceof Y.AbstractType)) return cached.parsed;
    const result = this.schema.safeParse(toPlain(raw));
    const parsed = result.success ? result.data : null;
    if (!result.success && (!cached || cached.parsed !== null)) {
      console.warn(`Skipping ${this.label} "${key}": it does not match the contract`, result.error.issues);
    }
    this.entries.set(key, { raw, parsed });
    return parsed;
  }
}

/** A Y.Map value as plain JSON. */
export function toPlain(raw: unknown): unknown {
  if (raw instanceof Y.AbstractType) return raw.toJSON();
  if (typeof raw === "string") {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}

/** One key of a Y.Map, parsed; null when absent or off-contract. */
export function readKey<T>(map: Y.Map<unknown>, key: string, schema: z.ZodType<T>): T | null {
  if (!map.has(key)) return null;
  const result = schema.safeParse(toPlain(map.get(key)));
  return result.success ? result.data : null;
}

/** The top-level keys of `map` that the events of one observeDeep call changed. */
export function changedKeys(map: Y.Map<unknown>, events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> {
  const keys = new Set<string>();
  for (const event of events) {
    if (event.target === map) for (const key of (event as Y.YMapEvent<unknown>).keysChanged) keys.add(key);
    else {
      // A change inside a nested type: its path from the map starts with the map's key.
      const top = event.path[0];
      if (typeof top === "string") keys.add(top);
    }
  }
  return keys;
}
