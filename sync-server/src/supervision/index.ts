/**
 * Supervision: the live board of each team (`board.<teamId>` rooms, built from the record and
 * rewritten as events commit) and an agent's own numbers for today.
 */
export { BoardPublisher, withBoardRefresh, type BoardPublisherDeps } from "./board-publisher.ts";
export { buildTeamBoard, type BoardDeps } from "./build-board.ts";
export { startOfToday } from "./today.ts";
export { myNumbers } from "./my-numbers.ts";
export { registerSupervisionRoutes } from "./supervision-routes.ts";
