/**
 * The Supervision area: the live boards (supervisors and admins, loaded on demand: their own
 * chunk) and the agent's own numbers (in the header, so in the main bundle).
 */
import { lazy } from "solid-js";

export const Supervision = lazy(() => import("./Supervision.tsx").then((m) => ({ default: m.Supervision })));
export { MyNumbers } from "./MyNumbers.tsx";
export { canSupervise } from "./access.ts";
