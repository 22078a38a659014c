import { getConnInfo } from "@hono/node-server/conninfo";
import type { PeerAddress } from "../http/client-ip.ts";

/** The TCP peer of this request's socket (http/client-ip.ts decides whether to look further). */
export const nodePeerAddress: PeerAddress = (c) => {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // a request handed to app.fetch without a socket (in-process)
  }
};
