/** What the header says about the live connection, from the state of every open room. */
export type RoomStatus = "connecting" | "connected" | "disconnected" | "forbidden";
export type ConnectionSummary = "live" | "connecting" | "offline";

export function summarizeConnection(statuses: readonly RoomStatus[], browserOnline: boolean): ConnectionSummary {
  if (!browserOnline) return "offline";
  // A forbidden room is closed for good and says nothing about the network.
  const relevant = statuses.filter((s) => s !== "forbidden");
  // No rooms at all (a user in no team) has nothing to wait for.
  if (relevant.length === 0) return "live";
  if (relevant.every((s) => s === "connected")) return "live";
  if (relevant.some((s) => s === "connecting")) return "connecting";
  return "offline";
}

export const CONNECTION_LABELS: Record<ConnectionSummary, string> = {
  live: "Live",
  connecting: "Connecting…",
  offline: "Offline",
};
