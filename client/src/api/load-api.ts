/**
 * The REST layer (endpoints.ts and its response schemas, all of classic zod) as a chunk of its
 * own, loaded on first use: the inbox draws its first rows from the device's database without it
 * (issue 17). Slices at the app's spine (session, outbox, pull) ask through this; screens that
 * load later may import endpoints.ts directly. Offline, the service worker's precache serves it.
 */
import type { api as Api } from "./endpoints.ts";
import { onDemand } from "../ui/on-demand.ts";

export type ApiClient = typeof Api;

// A failed fetch of the chunk (offline before the precache filled) is tried again on next use.
const rest = onDemand(() => import("./endpoints.ts").then((m) => m.api));

export function loadApi(): Promise<ApiClient> {
  return rest.load();
}
