import type { ChannelType } from "@inbox/shared";
import { createWebchatConnector, type Connector, type OutboundMessage } from "@inbox/connectors";
import type { WidgetMessage } from "@inbox/shared";
import { platformFetch } from "./channels/platform-fetch.ts";
import { WebhookProcessor } from "./webhooks/webhook-processor.ts";
import { WebhookPruner, type WebhookRetention } from "./webhooks/webhook-retention.ts";
import type { BlobStore } from "./media/blob-store.ts";
import type { SecretBox } from "./security/secret-box.ts";
import type { Database } from "./db/database.ts";
import { WriteQueue } from "./db/write-queue.ts";
import { OutboxDispatcher } from "./outbox/outbox-dispatcher.ts";
import { InboundBatcher } from "./messages/inbound-batch.ts";
import { KeyedMutex } from "./lib/keyed-mutex.ts";
import { SnoozeWaker } from "./conversations/snooze-waker.ts";
import type { InboxRow } from "./db/read-model.ts";
import { TtlCache } from "./lib/ttl-cache.ts";
import { hydrateRoom } from "./sync/hydrate-room.ts";
import { RoomRegistry } from "./rooms/room-registry.ts";
import { Router } from "./routing/router.ts";
import type { PresenceOptions } from "./routing/presence.ts";
import { WidgetHub } from "./widget/widget-hub.ts";
import { widgetMessagePrep, type WidgetPush } from "./widget/widget-push.ts";
import { localLiveRooms, type LiveRooms } from "./rooms/live-rooms.ts";
import { DEFAULT_SOCKET_GUARD, SocketGuard, type SocketGuardOptions } from "./sync/socket-guard.ts";
import { WidgetLimits, type WidgetLimitOptions } from "./widget/widget-limits.ts";
import { PasswordHasher } from "./auth/password.ts";
import { nobleScrypt } from "./auth/noble-scrypt.ts";
import { newHolder, type Holder } from "./scheduling/claims.ts";

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
  /** Where messages go to visitors' widget sockets (default: this process's `widgets` hub). */
  widgetPush?: WidgetPush;
  /** How connectors reach the demo simulator's fake platforms (default: HTTP to `selfUrl`). */
  simulatorFetch?: typeof fetch;
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
}

/**
 * Everything the routes work with, built once per process and free of any runtime: adapters
 * (Node, Workers) open the database and sockets and hand them in.
 */
export interface Core {
  db: Database;
  writer: WriteQueue;
  /** This process's Yjs rooms (Node's sockets join them); writers go through `live`, never here. */
  rooms: RoomRegistry;
  /** Server-authored writes into live rooms, wherever the rooms live. */
  live: LiveRooms;
  /** This process's widget sockets by visitor (Node's widget socket route adds them). */
  widgets: WidgetHub;
  /** Messages to visitors' widget sockets, wherever the sockets live. */
  widgetPush: WidgetPush;
  locks: KeyedMutex;
  connectors: ReadonlyMap<ChannelType, Connector>;
  outbox: OutboxDispatcher;
  webhooks: WebhookProcessor;
  /** Deletes processed webhooks past their retention (a scheduled job). */
  webhookPruner: WebhookPruner;
  secrets: SecretBox;
  blobs: BlobStore;
  /** Where this server is reachable (set by the runtime once listening); used for media links and the simulator. */
  selfUrl: string;
  /** Connectors' API calls for simulator-wired inboxes go through this (see CoreOptions). */
  simulatorFetch: typeof fetch;
  /** Where each platform's API is: its own host unless the operator overrides it (never a workspace). */
  platformApiUrls: Partial<Record<ChannelType, string>>;
  /** Connectors' fetch for real platforms: public https only, same-host redirects, size-limited. */
  platformFetch: typeof fetch;
  inbound: InboundBatcher;
  /** Automatic routing: hands waiting chats to available agents, exactly once. */
  router: Router;
  /** Reopens snoozed conversations when their time comes (started by the runtime). */
  snoozes: SnoozeWaker;
  /** This process, as the holder of the claims it takes (webhooks, outbox sends). */
  holder: Holder;
  caches: Caches;
  /** This process's agent sockets: re-checked against the record, closed at sign-out. */
  sockets: SocketGuard;
  /** Rate and socket limits of the anonymous widget API. */
  widgetLimits: WidgetLimits;
  now(): number;
  sessionTtlMs: number;
  secureCookies: boolean | "auto";
  passwords: PasswordHasher;
  trustedProxies: readonly string[];
}

/** Hot lookups on the ingest path; whoever changes the underlying row deletes its entry. */
export interface Caches {
  inboxes: TtlCache<InboxRow>;
  /** Widget token → visitor. Tokens are never reused, so only expiry and size bound this. */
  visitors: TtlCache<{ contactId: string; visitorId: string; sessionHash: string; inboxId: string; name: string }>;
  /** Conversation id → its web chat visitor ("" for none); a conversation's visitor never changes. */
  conversationVisitors: TtlCache<string>;
  /** `contactId:inboxId` → that contact's latest conversation id in the inbox. */
  latestConversation: TtlCache<string>;
}

export function createCore(opts: CoreOptions): Core {
  const writer = new WriteQueue(opts.db);
  const widgets = new WidgetHub(widgetMessagePrep(opts.secrets, () => core.now()));
  const connectors = new Map<ChannelType, Connector>();
  const core: Core = {
    db: opts.db,
    writer,
    widgets,
    widgetPush: opts.widgetPush ?? widgets,
    locks: new KeyedMutex(),
    connectors,
    now: opts.now ?? Date.now,
    sessionTtlMs: opts.sessionTtlMs,
    secureCookies: opts.secureCookies,
    passwords: opts.passwords ?? new PasswordHasher(nobleScrypt),
    trustedProxies: opts.trustedProxies ?? [],
    caches: {
      inboxes: new TtlCache(2000),
      visitors: new TtlCache(60_000),
      conversationVisitors: new TtlCache(3600_000),
      latestConversation: new TtlCache(60_000),
    },
    secrets: opts.secrets,
    blobs: opts.blobs,
    selfUrl: "",
    holder: newHolder(opts.instance, opts.leaseMs),
    simulatorFetch: opts.simulatorFetch ?? ((input, init) => fetch(input, init)),
    platformApiUrls: opts.platformApiUrls ?? {},
    platformFetch: platformFetch({
      fetch: (input, init) => fetch(input, init),
      trustedOrigins: Object.values(opts.platformApiUrls ?? {}).map((u) => new URL(u).origin),
      maxBytes: opts.platformDownloadLimitBytes ?? 100 * 1024 * 1024,
      resolve: opts.resolveHost,
    }),
    rooms: undefined as unknown as RoomRegistry,
    live: undefined as unknown as LiveRooms,
    outbox: undefined as unknown as OutboxDispatcher,
    webhooks: undefined as unknown as WebhookProcessor,
    webhookPruner: undefined as unknown as WebhookPruner,
    inbound: undefined as unknown as InboundBatcher,
    router: undefined as unknown as Router,
    snoozes: undefined as unknown as SnoozeWaker,
    sockets: undefined as unknown as SocketGuard,
    widgetLimits: new WidgetLimits(opts.widgetLimits ?? {}, () => core.now()),
  };
  core.sockets = new SocketGuard(core, { ...DEFAULT_SOCKET_GUARD, ...opts.sockets });
  core.inbound = new InboundBatcher(core);
  core.router = new Router(core, opts.presence);
  core.snoozes = new SnoozeWaker(core);
  core.rooms = new RoomRegistry(opts.db, writer, (room) => hydrateRoom(core, room), opts.roomIdleMs);
  core.live = opts.live ?? localLiveRooms(core.rooms);
  core.outbox = new OutboxDispatcher(core);
  core.webhooks = new WebhookProcessor(core);
  core.webhookPruner = new WebhookPruner(core, opts.webhookRetention);
  for (const connector of opts.connectors ?? []) connectors.set(connector.channel, connector);
  connectors.set(
    "webchat",
    createWebchatConnector({ push: (contactId, m) => core.widgetPush.push(contactId, outboundToWidget(m)) }),
  );
  return core;
}

/** An agent's reply as the visitor's widget shows it. */
function outboundToWidget(m: OutboundMessage): WidgetMessage {
  return { id: m.messageId, clientId: null, from: "agent", senderName: m.senderName, content: m.content, status: "sent", createdAt: m.createdAt, position: m.position ?? 0 };
}
