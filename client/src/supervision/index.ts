/** The Supervision area: the live boards (supervisors and admins) and the agent's own numbers. */
export { Supervision, WALL_ROTATE_MS } from "./Supervision.tsx";
export { MyNumbers } from "./MyNumbers.tsx";
export { canSupervise } from "./access.ts";
