import { createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import { platformConnectors } from "@inbox/connectors/registry";
import { fromBase64 } from "@inbox/connectors/src/crypto.ts";
import { mailSettingsFromEnv, parsePlatformApiUrls, publicOrigin } from "../config.ts";
import { createCore, type Core } from "../core.ts";
import { createCaches, type Caches } from "../db/caches.ts";
import type { TtlCache } from "../lib/ttl-cache.ts";
import { narrowViewersMemory, type NarrowViewersMemory } from "../rooms/narrow-lists.ts";
import { ruleSetCache, type RuleSet } from "../routing/index.ts";
import * as schema from "../db/schema.ts";
import { createSecretBox, type SecretBox } from "../security/secret-box.ts";
import { newBacklogReading, webhookRetentionFrom, type BacklogCounting } from "../webhooks/index.ts";
import { admissionLimitsFrom } from "../http/admission.ts";
import { DurableLiveRooms, DurableWidgetPush } from "./durable-live-rooms.ts";
import type { Env } from "./env.ts";
import { tracedFetch, tracedNamespace, type Trace } from "./bench-trace.ts";
import { R2BlobStore } from "./r2-blob-store.ts";
import { simulatorEnabled, simulatorObjectFetch } from "./simulator-routing.ts";
import { widgetLimitsFromEnv } from "../widget/index.ts";
import { webPushSender } from "../push/web-push-sender.ts";
import { workerSmtpMailer } from "./smtp-mailer.ts";
import type { Mailer } from "../people/index.ts";

/** The core and the deliveries to Durable Objects it starts (awaited before a request ends). */
export interface WorkerCore {
  core: Core;
  live: DurableLiveRooms;
  widgetPush: DurableWidgetPush;
}

/**
 * The isolate's hot lookups (inboxes, widget tokens' visitors, a chat's visitor, the workspaces'
 * routing rules, the narrow-scope viewers): plain values, safe to share between requests, so a
 * per-request core does not start them cold (cold, every customer message read its workspace's
 * rules and every team list write the narrow viewers: libSQL round trips).
 */
const isolateMemory: IsolateMemory = { caches: createCaches(), ruleSets: ruleSetCache(), narrowViewers: narrowViewersMemory() };

/**
 * How old the isolate's count of stored webhooks may get before a delivery counts again: the
 * record is every isolate's, so each counts at most this often, and an overloaded deployment
 * starts refusing (503, Retry-After) within this of falling behind.
 */
const BACKLOG_COUNT_EVERY_MS = 2_000;

/** The isolate's requests count the stored webhook backlog into one reading they share (admission control). */
const isolateCounting: BacklogCounting = { reading: newBacklogReading(), everyMs: BACKLOG_COUNT_EVERY_MS };

/** The imported key, kept once made (a settled value, never a pending import other requests would await). */
let box: { rawKey: string; box: SecretBox } | undefined;

async function secretBoxOf(rawKey: string): Promise<SecretBox> {
  if (box?.rawKey === rawKey) return box.box;
  const made = await createSecretBox(fromBase64(rawKey.trim()));
  box = { rawKey, box: made };
  return made;
}

/**
 * The Worker's core for one request. Not shared across requests: the core's group commit,
 * deliveries to Durable Objects and job chains are promises, and in workerd a promise one
 * request settles runs the other request's continuation in the first one's context ("Cannot
 * perform I/O on behalf of a different request"), or never, once that request has ended: the
 * Workers tests hung on exactly that. Building one is a client object, an imported key and the
 * core's plain objects. Migrations are not run here; they are applied once per deploy with
 * `npm run db:migrate` on the remote URL.
 */
export function requestCoreOf(env: Env, trace: Trace | null = null): Promise<WorkerCore> {
  return buildWorkerCore(env, undefined, isolateMemory, isolateCounting, trace);
}

/** What a core may share with others in the isolate: plain values only (see createCore's options). */
interface IsolateMemory {
  caches: Caches;
  ruleSets: TtlCache<RuleSet>;
  narrowViewers: NarrowViewersMemory;
}

/**
 * A core of its own, for one Durable Object instance: objects may share an isolate with each
 * other and with the Worker, and the runtime forbids one of them using I/O (the database
 * client's connections) another one opened.
 */
export async function buildWorkerCore(
  env: Env,
  simulatorFetch: typeof fetch | undefined = simulatorEnabled(env) ? simulatorObjectFetch(env.SIMULATOR) : undefined,
  shared?: IsolateMemory,
  /** How this core counts the stored webhook backlog for admission control; none: it neither counts nor refuses. */
  counting?: BacklogCounting,
  /** The bench's trace of this request (bench-trace.ts), when it asked for one. */
  trace: Trace | null = null,
): Promise<WorkerCore> {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set (wrangler secret put DATABASE_URL).");
  if (!env.INBOX_SECRET_KEY) throw new Error("INBOX_SECRET_KEY is not set (wrangler secret put INBOX_SECRET_KEY).");
  const client = createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN || undefined, fetch: trace ? tracedFetch(trace) : undefined });
  const live = new DurableLiveRooms(trace ? tracedNamespace(env.ROOMS, trace) : env.ROOMS);
  const widgetPush = new DurableWidgetPush(trace ? tracedNamespace(env.VISITORS, trace) : env.VISITORS);
  const core = createCore({
    db: drizzle(client, { schema }),
    secrets: await secretBoxOf(env.INBOX_SECRET_KEY),
    blobs: new R2BlobStore(env.MEDIA),
    ...shared,
    ...(counting ? { backlog: counting, admission: admissionLimitsFrom(env) } : {}),
    connectors: platformConnectors(),
    sessionTtlMs: Number(env.SESSION_TTL_HOURS ?? "12") * 3600_000,
    secureCookies: env.SECURE_COOKIES === "false" ? false : env.SECURE_COOKIES === "true" ? true : "auto",
    live,
    roomHistory: live,
    buildBoardsElsewhere: (teamId) => live.boardChanged(teamId),
    widgetPush,
    simulatorFetch,
    // Unset: the address requests arrive at, which on Workers is the public one.
    publicUrl: env.PUBLIC_URL ? (publicOrigin(env.PUBLIC_URL) ?? undefined) : undefined,
    platformApiUrls: parsePlatformApiUrls(env.PLATFORM_API_URLS),
    platformDownloadLimitBytes: Number(env.PLATFORM_DOWNLOAD_LIMIT_MB ?? "100") * 1024 * 1024,
    sockets: env.SOCKET_RECHECK_MS ? { recheckMs: Number(env.SOCKET_RECHECK_MS) } : {},
    widgetLimits: widgetLimitsFromEnv(env.WIDGET_LIMITS),
    webhookRetention: webhookRetentionFrom(env),
    ai: { workersAi: env.AI },
    mailer: mailerOf(env),
    push: { sender: webPushSender(), subject: env.PUSH_CONTACT || undefined, allowLoopback: env.PUSH_ALLOW_LOOPBACK === "true" },
  });
  return { core, live, widgetPush };
}

/** Resolves when the core's background work started so far has finished. */
export async function settle({ core, live, widgetPush }: WorkerCore): Promise<void> {
  await core.webhooks.idle();
  await core.outbox.idle();
  // SLA refreshes and board reads follow the writes above into the rooms (and may ring devices):
  // this request's work too, which the runtime would otherwise be free to cut short.
  await Promise.all([core.sla.idle(), core.boards.settled()]);
  await core.push.idle();
  await core.writer.drain();
  await Promise.all([live.idle(), widgetPush.idle()]);
}

/** The mailer made from SMTP_URL and MAIL_FROM, kept once made: plain values, a socket per send. */
let mail: { key: string; mailer: Mailer | undefined } | undefined;

function mailerOf(env: Env): Mailer | undefined {
  const key = `${env.SMTP_URL ?? ""}\n${env.MAIL_FROM ?? ""}`;
  if (mail?.key === key) return mail.mailer;
  // Checked like DATABASE_URL: a malformed SMTP_URL is the operator's to fix, said without the URL.
  const settings = mailSettingsFromEnv(env);
  mail = { key, mailer: settings ? workerSmtpMailer(settings) : undefined };
  return mail.mailer;
}

/**
 * A Durable Object's own core, built on its first use: workerd refuses I/O on a connection
 * another object opened, so objects never share the isolate's core. `admits`: the object takes
 * customers' messages (the widget's sockets), so under overload it refuses them like the
 * Worker's routes do, on its own count of the stored backlog (a count, never a processing pass);
 * other objects take no deliveries and neither count nor refuse.
 */
export function ownCoreOf(env: Env, opts: { admits?: boolean } = {}): () => Promise<Core> {
  let built: Promise<WorkerCore> | undefined;
  // A reading of its own (the processor's default): the object's count is not the isolate's requests'.
  const counting = opts.admits ? { everyMs: BACKLOG_COUNT_EVERY_MS, countOnly: true } : undefined;
  return async () => (await (built ??= buildWorkerCore(env, undefined, undefined, counting))).core;
}
