import type { AdmissionLimits } from "../http/admission.ts";
import { EventLoopLag } from "./event-loop-lag.ts";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { platformConnectors } from "@inbox/connectors/registry";
import { serve, type ServerType } from "@hono/node-server";
import { createNodeWebSocket } from "@hono/node-ws";
import { Hono } from "hono";
import { createApp } from "../app.ts";
import { StartupRefusal } from "../config.ts";
import { createCore, type Core } from "../core.ts";
import type { PresenceOptions } from "../routing/index.ts";
import type { AppEnv } from "../http/app-env.ts";
import { DemoTraffic, demoTrafficRefusal, seedDemo, type DemoTrafficOptions, type SeedResult } from "../demo/index.ts";
import { migrateDatabase } from "./migrate.ts";
import { openNodeDatabase } from "./open-database.ts";
import { createSecretBox } from "../security/secret-box.ts";
import { FileBlobStore } from "./file-blob-store.ts";
import { loadSecretKey } from "./secret-key.ts";
import { loadInstanceId } from "./instance-id.ts";
import { takeBackOwnClaims } from "../scheduling/claims.ts";
import { webPushSender } from "../push/web-push-sender.ts";
import type { WebhookRetention } from "../webhooks/index.ts";
import { mountStaticFiles } from "./static-files.ts";
import { Simulator } from "../simulator/index.ts";
import { nodeRoomSockets } from "./room-sockets.ts";
import { startSocketHeartbeat } from "./socket-heartbeat.ts";
import { frameLimitedServers } from "./socket-transport.ts";
import type { SocketGuardOptions } from "../sync/index.ts";
import type { WidgetLimitOptions } from "../widget/index.ts";
import { nodeWidgetSockets } from "./widget-sockets.ts";
import { simulatorAdapters } from "../simulator/adapters/index.ts";
import type { ChannelType } from "@inbox/shared";
import { resolveHost } from "./resolve-host.ts";
import { PasswordHasher, type ScryptParams } from "../auth/index.ts";
import { nodeScrypt } from "./node-scrypt.ts";
import { ReportColumns } from "../reports/index.ts";
import { nodePeerAddress } from "./peer-address.ts";
import { nodeBodyStream } from "./body-stream.ts";
import { smtpMailer } from "./smtp-mailer.ts";
import type { SmtpSettings } from "../people/index.ts";

export interface NodeServerOptions {
  databaseUrl: string;
  /** Folder for media and the generated credentials key (default ./data). */
  dataDir: string;
  /** INBOX_SECRET_KEY: base64 of 32 bytes; generated into dataDir when absent. */
  secretKey?: string;
  databaseAuthToken?: string;
  port: number;
  host: string;
  sessionTtlMs: number;
  /** Session cookies' Secure flag; "auto": on unless the request is plain http to loopback. */
  secureCookies: boolean | "auto";
  /** Serve the channel simulator (/simulator) for the demo's simulator-wired inboxes (default off). */
  simulator?: boolean;
  /** Reverse proxies whose X-Forwarded-For names the client (default: none, the socket's address counts). */
  trustedProxies?: readonly string[];
  /** scrypt cost of new password hashes (default OWASP's; tests use a cheaper one). */
  passwordParams?: ScryptParams;
  /** Demo password; seeding happens only when set and the database is empty. */
  seedPassword?: string;
  roomIdleMs?: number;
  now?: () => number;
  /** Routing's online/offline grace and heartbeat. */
  presence?: Partial<PresenceOptions>;
  /** How often sockets are pinged; one that has not answered by the next ping is closed (default 30 s). */
  socketPingMs?: number;
  /** How often a quiet room sends its sockets a no-op (default 10 s; the stock client gives up after 30 s of silence). */
  roomKeepAliveMs?: number;
  /** PUBLIC_URL: where people and platforms reach this server (behind a proxy); default: where it listens. */
  publicUrl?: string;
  /** PLATFORM_API_URLS: the operator's overrides of platform API addresses (tests' fakes). */
  platformApiUrls?: Partial<Record<ChannelType, string>>;
  /** PLATFORM_DOWNLOAD_LIMIT_MB, in bytes. */
  platformDownloadLimitBytes?: number;
  /** Agent sockets' access re-check interval and per-session limit (core.sockets). */
  sockets?: Partial<SocketGuardOptions>;
  /** Limits of the anonymous widget API (core.widgetLimits). */
  widgetLimits?: Partial<WidgetLimitOptions>;
  /** INSTANCE_ID: this server's name across restarts (default: generated into dataDir). */
  instanceId?: string;
  /** How long claims stand without renewal (default 30 s). */
  leaseMs?: number;
  /** How long processed webhooks are kept (WEBHOOK_RETENTION_DAYS, WEBHOOK_FAILED_RETENTION_DAYS). */
  webhookRetention?: WebhookRetention;
  /** OPS_TOKEN: shows /healthz's load figures to a caller bearing it (http/health.ts). */
  opsToken?: string;
  /** OVERLOAD_*: when retryable new work is refused with 503 (http/admission.ts). */
  admission?: Partial<AdmissionLimits>;
  /** Simulated customers on the demo's channels (DEMO_TRAFFIC); refused unless the demo and the simulator are on. */
  demoTraffic?: Partial<DemoTrafficOptions>;
  /** SMTP_URL and MAIL_FROM: invitations are also emailed (default: only a link to copy). */
  mail?: SmtpSettings;
  /** AI_ALLOW_PRIVATE_URLS: AI base URLs may be private or loopback addresses (tests' fake provider). */
  aiAllowPrivateUrls?: boolean;
  /** PUSH_CONTACT: the VAPID contact push services see (mailto: or https:). */
  pushContact?: string;
  /** PUSH_ALLOW_LOOPBACK: devices may subscribe with a push address on 127.0.0.1 (tests' push service stand-in). */
  pushAllowLoopback?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  core: Core;
  /** The shared app (without Node's static files): its route registry is what the access matrix checks. */
  app: Hono<AppEnv>;
  seed: SeedResult | null;
  /** The demo's simulated customers, when DEMO_TRAFFIC is on. */
  demoTraffic: DemoTraffic | null;
  close(): Promise<void>;
}

/** The single-machine build: embedded libSQL, HTTP and WebSockets on one port. */
export async function startNodeServer(opts: NodeServerOptions): Promise<RunningServer> {
  const refusal = opts.demoTraffic && demoTrafficRefusal({ demo: opts.seedPassword !== undefined, simulator: opts.simulator === true });
  if (refusal) throw new StartupRefusal(refusal);
  const { db, close: closeDb } = await openNodeDatabase(opts.databaseUrl, opts.databaseAuthToken);
  await migrateDatabase(db);
  const deps = {
    secrets: await createSecretBox(loadSecretKey(opts.secretKey, join(opts.dataDir, "secret.key"))),
    blobs: new FileBlobStore(join(opts.dataDir, "media")),
    connectors: platformConnectors(),
    passwords: new PasswordHasher(nodeScrypt, opts.passwordParams),
  };
  const seed = opts.seedPassword ? await seedDemo(db, opts.seedPassword, deps) : null;
  const loopLag = new EventLoopLag().start();
  const core = createCore({
    db,
    eventLoopLagMs: () => loopLag.ms(),
    backlog: {},
    ...deps,
    sessionTtlMs: opts.sessionTtlMs,
    secureCookies: opts.secureCookies,
    trustedProxies: opts.trustedProxies,
    roomIdleMs: opts.roomIdleMs,
    now: opts.now,
    presence: opts.presence,
    publicUrl: opts.publicUrl,
    platformApiUrls: opts.platformApiUrls,
    platformDownloadLimitBytes: opts.platformDownloadLimitBytes,
    resolveHost,
    sockets: opts.sockets,
    widgetLimits: opts.widgetLimits,
    instance: loadInstanceId(opts.instanceId, join(opts.dataDir, "instance-id")),
    webhookRetention: opts.webhookRetention,
    admission: opts.admission,
    leaseMs: opts.leaseMs,
    mailer: opts.mail ? smtpMailer(opts.mail) : undefined,
    ai: { allowPrivateUrls: opts.aiAllowPrivateUrls },
    reportMemory: new ReportColumns(),
    push: { sender: webPushSender(), subject: opts.pushContact, allowLoopback: opts.pushAllowLoopback },
  });
  // The push keys are made on the first start (sealed in the record), not on someone's first click.
  await core.push.keys.get();
  // What this server's previous process held when it stopped (a crash) is taken back first.
  await takeBackOwnClaims(core);

  const root = new Hono<AppEnv>();
  const nodeWs = createNodeWebSocket({ app: root });
  const socketServers = frameLimitedServers(nodeWs.wss);
  const simulator = opts.simulator ? new Simulator(core, simulatorAdapters()) : undefined;
  if (simulator) core.endpoints.simulatorFetch = simulator.connectorFetch;
  const app = createApp(core, {
    roomSockets: nodeRoomSockets(core, nodeWs.upgradeWebSocket),
    widgetSockets: nodeWidgetSockets(core, nodeWs.upgradeWebSocket),
    peerAddress: nodePeerAddress,
    bodyStream: nodeBodyStream,
    simulator,
    demo: seed ? { workspaceId: seed.workspaceId } : undefined,
    opsToken: opts.opsToken,
  });
  root.route("/", app);
  mountStaticFiles(root);

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: root.fetch, port: opts.port, hostname: opts.host }, () => resolve(s));
  });
  nodeWs.injectWebSocket(server);
  const stopHeartbeat = startSocketHeartbeat(socketServers, opts.socketPingMs ?? 30_000);
  // Quiet rooms send a no-op often enough that clients never drop them as silent (Room.keepAlive).
  const keepAlive = setInterval(() => core.rooms.keepAlive(), opts.roomKeepAliveMs ?? 10_000);
  keepAlive.unref();
  const port = (server.address() as AddressInfo).port;
  const host = opts.host === "0.0.0.0" ? "127.0.0.1" : opts.host;
  core.endpoints.selfUrl = `http://${host}:${port}`;
  core.outbox.start();
  core.snoozes.start();
  core.sla.start();
  core.router.scheduler.start();
  core.router.presence.start();
  core.sockets.start();
  // Webhooks stored but not processed before a crash or restart are processed now, and the
  // sweep finds any whose claim runs out later.
  core.webhooks.start();
  core.webhookPruner.start();
  core.auditSealer.start();
  core.retention.start();
  core.reportRoller.start();
  core.profiles.start();
  core.templates.start();
  core.replyMailer?.start();
  core.push.start();
  let demoTraffic: DemoTraffic | null = null;
  demoTraffic = await startDemoTraffic();
  let closing: Promise<void> | undefined;

  return {
    url: core.endpoints.selfUrl,
    port,
    core,
    app,
    seed,
    demoTraffic,
    close() {
      closing ??= shutdown();
      return closing;
    },
  };

  /** The demo's customers, once the server can take their webhooks; only for the demo workspace. */
  async function startDemoTraffic(): Promise<DemoTraffic | null> {
    if (!opts.demoTraffic || !simulator) return null;
    if (!seed?.workspaceId) {
      await shutdown();
      throw new StartupRefusal("DEMO_TRAFFIC plays customers of the demo workspace, and this database has another workspace and no demo. Use an empty data folder, or unset DEMO_TRAFFIC.");
    }
    const traffic = new DemoTraffic(core, simulator, seed.workspaceId, opts.demoTraffic);
    await traffic.start();
    return traffic;
  }

  /** Stops taking work, lets what was accepted finish, then closes the database. */
  async function shutdown(): Promise<void> {
    await demoTraffic?.stop();
    core.webhooks.stop();
    core.webhookPruner.stop();
    core.auditSealer.stop();
    core.retention.stop();
    core.reportRoller.stop();
    core.profiles.stop();
    core.templates.stop();
    core.replyMailer?.stop();
    core.push.stop();
    core.outbox.stop();
    core.snoozes.stop();
    core.boards.stop();
    core.sla.stop();
    core.router.scheduler.stop();
    core.router.presence.stop();
    core.rooms.stop();
    core.sockets.stop();
    stopHeartbeat();
    clearInterval(keepAlive);
    loopLag.stop();
    for (const server of socketServers) for (const client of server.clients) client.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await core.outbox.idle();
    await core.snoozes.idle();
    await core.sla.idle();
    await core.router.scheduler.idle();
    await core.router.presence.idle();
    await core.sockets.idle();
    await core.webhooks.idle();
    await core.webhookPruner.idle();
    await core.auditSealer.idle();
    await core.retention.idle();
    await core.reportRoller.idle();
    await core.profiles.idle();
    await core.templates.idle();
    await core.replyMailer?.idle();
    await core.push.idle();
    await core.rooms.flush();
    await core.writer.drain();
    await closeDb();
  }
}
