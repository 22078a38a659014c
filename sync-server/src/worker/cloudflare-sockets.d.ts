// The Workers runtime's TCP sockets (https://developers.cloudflare.com/workers/runtime-apis/tcp-sockets/),
// typed by hand like cf-types.ts: the slice smtp-session.ts uses.
declare module "cloudflare:sockets" {
  export interface SocketAddress {
    hostname: string;
    port: number;
  }
  export interface SocketOptions {
    /** "on": TLS from the start; "starttls": plain until `startTls()`; "off": plain. */
    secureTransport?: "off" | "on" | "starttls";
    allowHalfOpen?: boolean;
  }
  export interface Socket {
    readonly readable: ReadableStream<Uint8Array>;
    readonly writable: WritableStream<Uint8Array>;
    readonly opened: Promise<unknown>;
    readonly closed: Promise<void>;
    close(): Promise<void>;
    startTls(options?: { expectedServerHostname?: string }): Socket;
  }
  export function connect(address: SocketAddress | string, options?: SocketOptions): Socket;
}
