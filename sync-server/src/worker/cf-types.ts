/**
 * The slice of the Workers runtime API this adapter uses, typed by hand: the full
 * `@cloudflare/workers-types` redeclares DOM globals this repository's tsconfig already has.
 * Names and shapes follow https://developers.cloudflare.com/workers/runtime-apis/.
 */

export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
}

export interface ScheduledController {
  readonly scheduledTime: number;
  readonly cron: string;
}

/** A server-side WebSocket in workerd (accepted by a Durable Object for hibernation). */
export interface CfWebSocket {
  send(data: string | ArrayBuffer | ArrayBufferView): void;
  close(code?: number, reason?: string): void;
  readonly readyState: number;
  serializeAttachment(value: unknown): void;
  deserializeAttachment(): unknown;
}

export interface DurableObjectStorage {
  get<T = unknown>(key: string): Promise<T | undefined>;
  get<T = unknown>(keys: string[]): Promise<Map<string, T>>;
  list<T = unknown>(options?: { prefix?: string; start?: string; end?: string; limit?: number }): Promise<Map<string, T>>;
  /** `allowUnconfirmed`: outgoing messages are not held until this write is durable (the output gate). */
  put(key: string, value: unknown, options?: { allowUnconfirmed?: boolean }): Promise<void>;
  put(entries: Record<string, unknown>, options?: { allowUnconfirmed?: boolean }): Promise<void>;
  delete(keys: string[]): Promise<number>;
  deleteAll(): Promise<void>;
  getAlarm(): Promise<number | null>;
  setAlarm(scheduledTime: number): Promise<void>;
  deleteAlarm(): Promise<void>;
}

export interface DurableObjectId {
  toString(): string;
  readonly name?: string;
}

export interface DurableObjectState {
  readonly id: DurableObjectId;
  readonly storage: DurableObjectStorage;
  acceptWebSocket(ws: CfWebSocket, tags?: string[]): void;
  getWebSockets(tag?: string): CfWebSocket[];
  blockConcurrencyWhile<T>(fn: () => Promise<T>): Promise<T>;
  waitUntil(promise: Promise<unknown>): void;
}

export interface DurableObjectStub {
  fetch(input: Request | string, init?: RequestInit): Promise<Response>;
}

export interface DurableObjectNamespace {
  idFromName(name: string): DurableObjectId;
  get(id: DurableObjectId): DurableObjectStub;
}

export interface R2ObjectBody {
  readonly httpMetadata?: { contentType?: string };
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface R2Bucket {
  put(key: string, value: ArrayBuffer | ArrayBufferView, options?: { httpMetadata?: { contentType?: string } }): Promise<unknown>;
  get(key: string): Promise<R2ObjectBody | null>;
  delete(keys: string | string[]): Promise<void>;
}

export interface Fetcher {
  fetch(input: Request | string, init?: RequestInit): Promise<Response>;
}

/** `new WebSocketPair()`: [client, server]. */
export interface CfWebSocketPair {
  0: WebSocket;
  1: CfWebSocket & { accept(): void };
}

export function newWebSocketPair(): CfWebSocketPair {
  const Pair = (globalThis as unknown as { WebSocketPair: new () => CfWebSocketPair }).WebSocketPair;
  return new Pair();
}

/** A 101 answer carrying the client end of a pair (a workerd-only ResponseInit field). */
export function upgradeResponse(client: WebSocket): Response {
  return new Response(null, { status: 101, webSocket: client } as ResponseInit);
}

/**
 * Answers a client's close. Echoing 1005 ("no code") or 1006 ("abnormal") back is invalid; a
 * normal close is what the client expects.
 */
export function closeInReply(ws: CfWebSocket, code: number): void {
  try {
    ws.close(code === 1005 || code === 1006 ? 1000 : code, "closed");
  } catch {
    // already closed
  }
}
