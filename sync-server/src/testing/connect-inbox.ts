// What the fake-platform inbox helpers share: connecting an inbox through the admin API, and
// delivering a signed webhook to a server that may be down (a crash test kills it).

/** Connects a channel as an admin (Bearer token); resolves with the new inbox's id. */
export async function connectInbox(
  serverUrl: string,
  adminToken: string,
  inbox: { name: string; channel: string; teamId: string; credentials: Record<string, string> },
): Promise<string> {
  const res = await fetch(`${serverUrl}/api/admin/inboxes`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(inbox),
  });
  if (!res.ok) throw new Error(`connecting the fake ${inbox.channel} inbox failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { inbox: { id: string } }).inbox.id;
}

/** POSTs one webhook; resolves with the HTTP status (0: the server could not be reached). */
export async function deliverWebhook(url: string, init: { headers: HeadersInit; body: BodyInit }): Promise<number> {
  try {
    return (await fetch(url, { method: "POST", ...init })).status;
  } catch {
    return 0;
  }
}
