import type { PeerAddress } from "../http/client-ip.ts";

/**
 * On Workers the TCP peer is Cloudflare's edge; the edge sets `CF-Connecting-IP` to the client's
 * address and overwrites any value a client sends, so it is the one header believed here.
 */
export const workerPeerAddress: PeerAddress = (c) => c.req.header("cf-connecting-ip") ?? null;
