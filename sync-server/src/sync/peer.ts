/** One connected socket, as the core sees it: runtime adapters wrap their WebSocket in this. */
export interface Peer {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Who is on the other end, so changes they make to shared documents are attributed to them. */
  user?: { id: string; name: string };
}

export function isPeer(origin: unknown): origin is Peer & { user: { id: string; name: string } } {
  return typeof origin === "object" && origin !== null && "send" in origin && "user" in origin && !!(origin as Peer).user;
}

/** Close codes in the 4000 range the client can act on. */
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_UNAUTHENTICATED = 4401;
export const CLOSE_NOT_FOUND = 4404;
