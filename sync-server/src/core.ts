import type { ChannelType, WidgetMessage } from "@inbox/shared";
import { createWebchatConnector, type Connector, type OutboundMessage } from "@inbox/connectors";
import { AuditSealer } from "./audit/index.ts";
import { RetentionJob } from "./data-rights/index.ts";
import { TemplateSyncer } from "./templates/index.ts";
import { ReportRoller, type ReportMemory } from "./reports/index.ts";
import { nobleScrypt } from "./auth/index.ts";
import { PasswordHasher } from "./auth/index.ts";
import type { Endpoints } from "./channels/index.ts";
import { platformFetch, ProfileRefresher } from "./channels/index.ts";
import { WebhookProcessor } from "./webhooks/index.ts";
import { WebhookPruner, type BacklogCounting, type WebhookRetention } from "./webhooks/index.ts";
import { createCaches, type Caches } from "./db/caches.ts";
import type { Database } from "./db/database.ts";
import { WriteQueue } from "./db/write-queue.ts";
import { Admission, DEFAULT_ADMISSION_LIMITS, type AdmissionLimits } from "./http/admission.ts";
import { KeyedMutex } from "./lib/keyed-mutex.ts";
import type { TtlCache } from "./lib/ttl-cache.ts";
import type { BlobStore } from "./media/blob-store.ts";
import { InboundBatcher } from "./messages/index.ts";
import { OutboxDispatcher } from "./outbox/index.ts";
import { localLiveRooms, type LiveRooms } from "./rooms/live-rooms.ts";
import { NarrowViewers, withNarrowLists, type NarrowViewersMemory } from "./rooms/narrow-lists.ts";
import { localRoomHistory, type RoomHistory } from "./rooms/room-history.ts";
import { RoomRegistry } from "./rooms/room-registry.ts";
import type { PresenceOptions } from "./routing/index.ts";
import { Router } from "./routing/index.ts";
import { RuleBook, type RuleSet } from "./routing/index.ts";
import { newHolder, type Holder } from "./scheduling/claims.ts";
import type { SecretBox } from "./security/secret-box.ts";
import { SnoozeWaker } from "./conversations/index.ts";
import { SlaKeeper } from "./sla/index.ts";
import { hydrateRoom } from "./sync/index.ts";
import { DEFAULT_SOCKET_GUARD, SocketGuard, type SocketGuardOptions } from "./sync/index.ts";
import { VisitorPush } from "./widget/index.ts";
import { VisitorTypingState, WidgetHub } from "./widget/index.ts";
import { WidgetLimits, type WidgetLimitOptions } from "./widget/index.ts";
import { ReplyMailer } from "./widget/index.ts";
import { widgetMessagePrep, type WidgetPush } from "./widget/index.ts";
import { BoardPublisher, withBoardRefresh } from "./supervision/index.ts";
import type { Mailer } from "./people/index.ts";
import { AiProviders, type AiProvidersOptions } from "./ai/index.ts";
import { WebPush, type WebPushOptions } from "./push/index.ts";

export interface CoreOptions {
  db: Database;
  secrets: SecretBox;
  blobs: BlobStore;
  /** Platform connectors besides web chat (which the core builds around its widget hub). */
  connectors?: Connector[];
  sessionTtlMs: number;
  /** Session cookies' Secure flag; "auto": on unless the request is plain http to a loopback address. */
  secureCookies: boolean | "auto";
  /** Password hashing (default: pure-JS scrypt; Node passes its native one). */
  passwords?: PasswordHasher;
  /** Addresses of reverse proxies whose X-Forwarded-For is believed (http/client-ip.ts). */
  trustedProxies?: readonly string[];
  now?: () => number;
  roomIdleMs?: number;
  /** Routing's online/offline grace and heartbeat (defaults: 90 s and 30 s). */
  presence?: Partial<PresenceOptions>;
  /** Where committed writes go into live rooms (default: this process's `rooms`). */
  live?: LiveRooms;
  /** Where a changed team's board is built when not here (see `BoardPublisherDeps.buildElsewhere`). */
  buildBoardsElsewhere?: (teamId: string) => void;
  /** Rooms' stored histories, rewritten or dropped when their record is erased or deleted (default: this process's `rooms`). */
  roomHistory?: RoomHistory;
  /** Where messages go to visitors' widget sockets (default: this process's `widgets` hub). */
  widgetPush?: WidgetPush;
  /** How connectors reach the demo simulator's fake platforms (default: HTTP to `selfUrl`). */
  simulatorFetch?: typeof fetch;
  /** Hot lookups kept by whoever outlives this core (a Worker's isolate, across its per-request cores); plain values only. Default: the core's own. */
  caches?: Caches;
  /** Likewise: the workspaces' routing rules and the narrow-scope viewers as last read. Default: the core's own. */
  ruleSets?: TtlCache<RuleSet>;
  narrowViewers?: NarrowViewersMemory;
  /** PUBLIC_URL: the address people and platforms reach this server at (default: where it listens). */
  publicUrl?: string;
  /** The operator's overrides of platform API addresses (PLATFORM_API_URLS), e.g. fakes in tests. */
  platformApiUrls?: Partial<Record<ChannelType, string>>;
  /** Largest platform response (customers' media) accepted, in bytes (default 100 MB). */
  platformDownloadLimitBytes?: number;
  /** Resolves host names for the platform fetch guard (Node: DNS); see channels/platform-fetch.ts. */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /** Agent sockets: how often access is checked again, and how many one session may hold. */
  sockets?: Partial<SocketGuardOptions>;
  /** What anonymous widget callers may do (chats per address, messages and sockets per visitor). */
  widgetLimits?: Partial<WidgetLimitOptions>;
  /**
   * This server's name, stable across its restarts (Node: from its data folder or INSTANCE_ID),
   * so a restart takes back the claims its killed predecessor held. Default: a new one per core
   * (Workers: claims of a lost isolate come back when their lease runs out).
   */
  instance?: string;
  /** How long this process's claims stand without renewal (default 30 s; tests shorten it). */
  leaseMs?: number;
  /** How long processed webhooks are kept (default: done 7 days, failed 30). */
  webhookRetention?: WebhookRetention;
  /** When new work is refused with 503 (OVERLOAD_*; default DEFAULT_ADMISSION_LIMITS). */
  admission?: Partial<AdmissionLimits>;
  /** The event loop's lag for admission control (Node: node/event-loop-lag.ts); none: 0. */
  eventLoopLagMs?: () => number;
  /**
   * Webhook processing counts the stored backlog for admission control: Node at every pass
   * (`{}`); a Worker's request into its isolate's reading, again once it is a few seconds old.
   * None (a Durable Object's own core, which takes no deliveries): never counted.
   */
  backlog?: BacklogCounting;
  /** Where email goes out (Node: SMTP when SMTP_URL is set); none: invitations are links to copy. */
  mailer?: Mailer;
  /** AI assistance: whether admins may point it at private addresses (AI_ALLOW_PRIVATE_URLS), the Workers AI binding (edge only). */
  ai?: Omit<AiProvidersOptions, "resolveHost">;
  /** Report figures kept in memory, patched by this process's roller (Node; reloaded when another process rolled); none: SQL. */
  reportMemory?: ReportMemory;
  /** Web Push: the runtime's sender (Node: `web-push`), the VAPID contact, loopback subscriptions for tests; no sender: no pushes. */
  push?: WebPushOptions;
}

/**
 * Everything the routes and runtimes work with, built once per process and free of any runtime:
 * adapters (Node, Workers) open the database and sockets and hand them in. Each part is built
 * with only what it uses (its `…Deps`); the routes get this whole context, which is all of
 * those at once.
 */
export interface Core {
  db: Database;
  writer: WriteQueue;
  locks: KeyedMutex;
  now(): number;
  caches: Caches;
  secrets: SecretBox;
  blobs: BlobStore;
  /** This process, as the holder of the claims it takes (webhooks, outbox sends). */
  holder: Holder;
  /** Where this server and the platforms are reached (`selfUrl` is set by the runtime). */
  endpoints: Endpoints;
  connectors: ReadonlyMap<ChannelType, Connector>;
  /** This process's Yjs rooms (Node's sockets join them); writers go through `live`, never here. */
  rooms: RoomRegistry;
  /** Server-authored writes into live rooms, wherever the rooms live. */
  live: LiveRooms;
  /** Rooms' stored histories, for erasure and retention (data-rights/). */
  roomHistory: RoomHistory;
  /** This process's widget sockets by visitor (Node's widget socket route adds them). */
  widgets: WidgetHub;
  /** Messages to visitors' widget sockets, wherever the sockets live. */
  widgetPush: WidgetPush;
  /** A web chat conversation's messages to its own visitor's widget. */
  visitorPush: VisitorPush;
  /** What this process last wrote of visitors' typing, so typing frames become few room writes. */
  visitorTyping: VisitorTypingState;
  inbound: InboundBatcher;
  /** Automatic routing: hands waiting chats to available agents, exactly once. */
  router: Router;
  /** Each workspace's routing rules, cached for the ingest path (routing/rules-book.ts). */
  rules: RuleBook;
  /** The supervisors' live boards (`board.<teamId>` rooms), rebuilt as events commit. */
  boards: BoardPublisher;
  /** Who sees only part of their teams' lists (custom roles), so team list writes reach their `mine.<id>` rooms. */
  narrowViewers: NarrowViewers;
  /** Reopens snoozed conversations when their time comes (started by the runtime). */
  snoozes: SnoozeWaker;
  /** Keeps conversations' SLA summaries current and records at-risk / breach (started by the runtime). */
  sla: SlaKeeper;
  outbox: OutboxDispatcher;
  webhooks: WebhookProcessor;
  /** Refuses retryable new work (webhooks of platforms that redeliver, widget messages) while the server is behind. */
  admission: Admission;
  /** Deletes processed webhooks past their retention (a scheduled job). */
  webhookPruner: WebhookPruner;
  /** Chains new audit entries to the ones before them (a scheduled job; reading the log seals too). */
  auditSealer: AuditSealer;
  /** Applies workspaces' retention policies (a scheduled job). */
  retention: RetentionJob;
  /** Keeps report facts current as events are written (a scheduled job; reports catch it up before answering). */
  reportRoller: ReportRoller;
  /** Reads customers' names and pictures from their platforms after their messages are stored (a scheduled job). */
  profiles: ProfileRefresher;
  /** Syncs WhatsApp inboxes' message templates (a scheduled job; also on connect and on an admin's request). */
  templates: TemplateSyncer;
  /** Emails web chat replies to visitors who left their address (only with a mail server). */
  replyMailer: ReplyMailer | null;
  /** This process's agent sockets: re-checked against the record, closed at sign-out. */
  sockets: SocketGuard;
  /** Rate and socket limits of the anonymous widget API. */
  widgetLimits: WidgetLimits;
  sessionTtlMs: number;
  secureCookies: boolean | "auto";
  passwords: PasswordHasher;
  trustedProxies: readonly string[];
  /** Sends invitations by email; null when the runtime has none or nothing is configured. */
  mailer: Mailer | null;
  /** The workspaces' AI providers, built from their settings behind the fetch guard (ai/). */
  ai: AiProviders;
  /** Web Push to people's devices: VAPID keys, the durable push queue and its sender (a scheduled job). */
  push: WebPush;
}

/** How long a long-lived server gathers published conversations before refreshing their SLAs (see SlaKeeper). */
const SLA_GATHER_MS = 100;

/** Builds the parts in dependency order, each handed only what it needs. */
export function createCore(opts: CoreOptions): Core {
  const { db, secrets, blobs } = opts;
  const now = opts.now ?? Date.now;
  const writer = new WriteQueue(db);
  const locks = new KeyedMutex();
  const caches = opts.caches ?? createCaches();
  const record = { db, writer, now, locks };
  const holder = newHolder(opts.instance, opts.leaseMs);
  // Built early: notifications from SLA alerts, routing offers and every route ring devices through it.
  const push = new WebPush({ ...record, secrets, holder }, opts.push);
  const endpoints: Endpoints = {
    selfUrl: "",
    publicUrl: opts.publicUrl ?? "",
    simulatorFetch: opts.simulatorFetch ?? ((input, init) => fetch(input, init)),
    platformApiUrls: opts.platformApiUrls ?? {},
    platformFetch: platformFetch({
      fetch: (input, init) => fetch(input, init),
      trustedOrigins: Object.values(opts.platformApiUrls ?? {}).map((u) => new URL(u).origin),
      maxBytes: opts.platformDownloadLimitBytes ?? 100 * 1024 * 1024,
      resolve: opts.resolveHost,
    }),
  };

  const widgets = new WidgetHub(widgetMessagePrep(secrets, now));
  const widgetPush = opts.widgetPush ?? widgets;
  const visitorPush = new VisitorPush({ db, caches, widgetPush });
  const connectors = new Map<ChannelType, Connector>();
  for (const connector of opts.connectors ?? []) connectors.set(connector.channel, connector);
  connectors.set("webchat", createWebchatConnector({ push: (visitorId, m) => widgetPush.push(visitorId, outboundToWidget(m)) }));

  // Rooms and the writes into them refer to each other (a work room's label change is published
  // into the team room), so this process's live rooms look the registry up when they apply.
  // People who see only their assigned chats get each team list write in their own list room too.
  const narrowViewers = new NarrowViewers(record, opts.narrowViewers);
  const baseLive = withNarrowLists(opts.live ?? localLiveRooms({ get: (name) => rooms.get(name) }), narrowViewers);
  // Boards are rebuilt when their team's room is written; on Node only while someone watches one.
  const boards = new BoardPublisher({
    db,
    now,
    live: baseLive,
    isOnline: (lastSeenAt) => router.presence.isOnline(lastSeenAt),
    offlineAt: (lastSeenAt) => lastSeenAt + router.presence.options.graceMs + 1,
    watched: (room) => (opts.live ? true : rooms.get(room) !== undefined),
    // Workers read every board they publish and keep no timers between requests.
    longLived: !opts.live,
    buildElsewhere: opts.buildBoardsElsewhere,
  });
  const roomWrites = withBoardRefresh(baseLive, boards);
  // Every committed conversation passes through the live rooms: SLAs are refreshed after it. The
  // keeper writes through the board wrapper too, so an SLA turning at risk moves the board.
  const sla = new SlaKeeper({ ...record, live: roomWrites, visitorPush, push }, undefined, opts.live ? 0 : SLA_GATHER_MS);
  const live = sla.watch(roomWrites);
  // Notifications written anywhere (work rooms, SLA alerts, commands) also ring devices through `push`.
  const publishing = { ...record, live, visitorPush, push };
  const rooms = new RoomRegistry(db, writer, (room, since) => hydrateRoom({ ...publishing, boards }, room, since), opts.roomIdleMs);
  const roomHistory = opts.roomHistory ?? localRoomHistory(rooms);

  const inbound = new InboundBatcher({ db, writer });
  // An agent coming back online moves their teams' boards even when no chat is handed out.
  const router = new Router({ ...publishing, offers: push }, opts.presence, (teamIds) => {
    for (const teamId of teamIds) boards.teamChanged(teamId);
  });
  const snoozes = new SnoozeWaker({ ...publishing, router });
  const channels = { ...publishing, caches, connectors, secrets, endpoints };
  const outbox = new OutboxDispatcher({ ...channels, blobs, holder, emailsReplies: !!opts.mailer });
  const replyMailer = opts.mailer ? new ReplyMailer({ ...record }, opts.mailer) : null;
  const rules = new RuleBook(record, opts.ruleSets);
  const profiles = new ProfileRefresher({ ...channels });
  const templates = new TemplateSyncer({ ...channels });
  const admissionLimits = { ...DEFAULT_ADMISSION_LIMITS, ...opts.admission };
  const webhooks = new WebhookProcessor({ ...channels, inbound, router, blobs, holder, rules, outbox, profiles }, opts.backlog && { ...opts.backlog, atLeast: admissionLimits.webhookBacklog + 1 });
  const admission = new Admission(admissionLimits, {
    webhookBacklog: () => webhooks.backlog(),
    writeQueue: () => writer.depth,
    eventLoopLagMs: opts.eventLoopLagMs ?? (() => 0),
  });
  const webhookPruner = new WebhookPruner(record, opts.webhookRetention);
  const auditSealer = new AuditSealer(record);
  const retention = new RetentionJob({ ...publishing, blobs, roomHistory, caches });
  const reportRoller = new ReportRoller(record, undefined, opts.reportMemory ?? null);
  const sockets = new SocketGuard({ db, now }, { ...DEFAULT_SOCKET_GUARD, ...opts.sockets });
  const widgetLimits = new WidgetLimits(opts.widgetLimits ?? {}, now);

  return {
    ...channels,
    blobs,
    holder,
    rooms,
    roomHistory,
    widgets,
    widgetPush,
    visitorTyping: new VisitorTypingState(),
    inbound,
    router,
    rules,
    boards,
    narrowViewers,
    snoozes,
    sla,
    outbox,
    webhooks,
    admission,
    webhookPruner,
    auditSealer,
    retention,
    reportRoller,
    profiles,
    templates,
    replyMailer,
    sockets,
    widgetLimits,
    sessionTtlMs: opts.sessionTtlMs,
    secureCookies: opts.secureCookies,
    passwords: opts.passwords ?? new PasswordHasher(nobleScrypt),
    trustedProxies: opts.trustedProxies ?? [],
    mailer: opts.mailer ?? null,
    ai: new AiProviders({ ...opts.ai, resolveHost: opts.resolveHost }),
    push,
  };
}

/** An agent's reply as the visitor's widget shows it. */
function outboundToWidget(m: OutboundMessage): WidgetMessage {
  return { id: m.messageId, clientId: null, from: "agent", senderName: m.senderName, content: m.content, status: "sent", createdAt: m.createdAt, position: m.position ?? 0 };
}
