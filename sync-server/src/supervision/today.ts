/**
 * When "today" starts for a workspace's numbers. UTC until workspaces have a timezone: this is
 * the single place to rewire (the SLA helper adds the workspace timezone).
 */
export async function startOfToday(_workspaceId: string, now: number): Promise<number> {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}
