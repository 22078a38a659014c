import type { WorkersAiBinding } from "../ai/index.ts";
import type { DurableObjectNamespace, Fetcher, R2Bucket } from "./cf-types.ts";

/** The Worker's bindings, as wrangler.toml declares them (secrets set with `wrangler secret put`). */
export interface Env {
  /** libsql://<db>.turso.io (or any Hrana-over-HTTP URL, e.g. a local sqld in tests). Secret. */
  DATABASE_URL: string;
  /** The database's auth token (Turso: `turso db tokens create`). Secret; absent for an open sqld. */
  DATABASE_AUTH_TOKEN?: string;
  /** Base64 of 32 random bytes: encrypts channel credentials at rest. Secret. */
  INBOX_SECRET_KEY: string;
  SESSION_TTL_HOURS?: string;
  /** The widget API's limits as JSON (widget/widget-limits.ts `widgetLimitsFromEnv`); defaults when unset. */
  WIDGET_LIMITS?: string;
  /**
   * When platforms' webhooks and widget messages are refused with 503 (http/admission.ts): stored
   * webhooks not processed yet beyond OVERLOAD_WEBHOOK_BACKLOG (default 2000), Retry-After
   * OVERLOAD_RETRY_AFTER_SECONDS (default 10). OVERLOAD_WRITE_QUEUE counts one request's writes here.
   */
  OVERLOAD_WEBHOOK_BACKLOG?: string;
  OVERLOAD_WRITE_QUEUE?: string;
  OVERLOAD_RETRY_AFTER_SECONDS?: string;
  /** How often a room object checks its agents' sockets against the record again (ms, default 5000). */
  SOCKET_RECHECK_MS?: string;
  /** Days processed webhooks are kept (default 7); failed ones WEBHOOK_FAILED_RETENTION_DAYS (default 30). */
  WEBHOOK_RETENTION_DAYS?: string;
  WEBHOOK_FAILED_RETENTION_DAYS?: string;
  /** "auto" (default): Secure unless plain http to loopback (wrangler dev); "true" / "false" force it. */
  SECURE_COOKIES?: string;
  ASSETS?: Fetcher;
  MEDIA: R2Bucket;
  /** `RoomObject`: one per Yjs room name. */
  ROOMS: DurableObjectNamespace;
  /** `VisitorObject`: one per web chat visitor, holding their widget sockets. */
  VISITORS: DurableObjectNamespace;
  /** `SchedulerObject`: the singleton whose alarm runs scheduled jobs. */
  SCHEDULER: DurableObjectNamespace;
  /** `SimulatorObject`: the demo's channel simulator (served only when ENABLE_SIMULATOR is "true"). */
  SIMULATOR?: DurableObjectNamespace;
  /** "true" serves /simulator for the demo's simulator-wired inboxes; never in production. */
  ENABLE_SIMULATOR?: string;
  /** Where people and platforms reach the Worker when not at the address requests arrive at (see config.ts). */
  PUBLIC_URL?: string;
  /** The operator's token for /healthz's load figures (a secret; see config.ts OPS_TOKEN). */
  OPS_TOKEN?: string;
  /** The operator's overrides of platform API addresses (see config.ts); tests point them at fakes. */
  PLATFORM_API_URLS?: string;
  /** Largest file downloaded from a platform, in MB (default 100). */
  PLATFORM_DOWNLOAD_LIMIT_MB?: string;
  /**
   * The mail server invitations and replies to web chat visitors are emailed through, as on Node:
   * `smtp://user:password@host:587` (STARTTLS) or `smtps://…@host:465`. Secret (it holds the
   * password): `wrangler secret put SMTP_URL`. Unset: invitations are links to copy.
   */
  SMTP_URL?: string;
  /** The sender, `Inbox <no-reply@example.com>`; needed with SMTP_URL. */
  MAIL_FROM?: string;
  /** Web Push: the VAPID contact push services see (mailto: or https:); a placeholder when unset. */
  PUSH_CONTACT?: string;
  /** "true": devices may subscribe with a push address on loopback (tests' push service stand-in only). */
  PUSH_ALLOW_LOOPBACK?: string;
  /** "true": the bench's timing traces and probes (bench-trace.ts, bench-probes.ts); only in the bench's generated config. */
  BENCH_TRACE?: string;
  /** Workers AI (`[ai] binding = "AI"` in wrangler.toml): a workspace may choose it for AI assistance. */
  AI?: WorkersAiBinding;
}
