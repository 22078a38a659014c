import type { Writes } from "../db/record.ts";
import type { Publishes } from "../rooms/publish.ts";
import type { CapacityDeps } from "../routing/index.ts";

/** What changing a conversation needs: the record, the rooms, and the router (a chat that frees an agent's capacity tells it). */
export interface InterveneDeps extends Writes, Publishes, CapacityDeps {}
