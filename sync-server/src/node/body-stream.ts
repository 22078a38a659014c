import type { HttpBindings } from "@hono/node-server";
import type { BodyStream } from "../http/app-env.ts";

/**
 * The request's IncomingMessage, read as it arrives (http/read-body.ts says why). Null for a
 * request handed to app.fetch without a socket (in-process), which keeps its WHATWG body.
 */
export const nodeBodyStream: BodyStream = (c) => (c.env as Partial<HttpBindings> | undefined)?.incoming ?? null;
