/**
 * The live layer: Yjs rooms over WebSockets (the team lists, presence, the user's own room, the
 * open conversation's room and the work documents) is a chunk of its own, with Yjs and its
 * providers (issue 17: about 30 KB gzip the inbox's first rows do not need; they come from the
 * local database). `startLive` fetches it once the device's first rows are read, or earlier when
 * something needs it (a chat opens); the service worker precaches it for offline starts. Until
 * it is there, `whenLive` values are undefined: callers show what the database holds.
 */
import { createMemo, untrack, type Accessor } from "solid-js";
import { onDemand } from "../ui/on-demand.ts";

export type LiveLayer = typeof import("./live-layer.ts");

const layer = onDemand(() => import("./live-layer.ts"));

/** The live layer once loaded. */
export const liveLayer: Accessor<LiveLayer | undefined> = layer.ready;

/** Fetches the live layer (once; again after a failure). */
export function startLive(): void {
  layer.load().catch((err: unknown) => console.warn("Could not load the live connection", err));
}

/**
 * `create(live)` run once the layer is loaded, owned by the caller's reactive owner (so rooms
 * it opens close with it); undefined before.
 */
export function whenLive<T>(create: (live: LiveLayer) => T): Accessor<T | undefined> {
  return createMemo(() => {
    const live = liveLayer();
    return live ? untrack(() => create(live)) : undefined;
  });
}

/** The live layer, fetched now if it is not yet; rejects if it cannot be loaded. */
export function loadLive(): Promise<LiveLayer> {
  return layer.load();
}
