import type { Hono } from "hono";
import { recordFromRequest, type FakePlatform } from "@inbox/connectors/testing";
import type { SessionReads } from "../auth/index.ts";
import { credentialsOf, SIMULATOR_BASE, type Endpoints } from "../channels/index.ts";
import type { Reads } from "../db/record.ts";
import { HttpError, notFoundSaying } from "../http/http-error.ts";
import { getInboxRow, type InboxRow } from "../db/read-model.ts";
import type { SecretBox } from "../security/secret-box.ts";
import type { AppEnv } from "../http/app-env.ts";
import type { CustomerAction, SentSummary, SimAdapter, SimCustomer, SimFailure } from "./sim-adapter.ts";
import { registerSimulatorRoutes } from "./simulator-routes.ts";
import { DEMO_REDELIVERY, sendUntilTaken, type Redelivery } from "@inbox/shared/protocol/redelivery";

const PLATFORM_PATH_RE = /^\/simulator\/platform\/([^/]+)(?:\/|$)/;

/** What the simulator needs: the inboxes and their credentials, where this server is, a clock. */
export interface SimulatorDeps extends Reads {
  secrets: SecretBox;
  endpoints: Endpoints;
  now(): number;
}

/**
 * The demo's stand-in for the messaging platforms: one fake per simulator-wired inbox answers
 * the connector's API calls (mounted at /simulator/platform/<channel>), and a person on the
 * /simulator page acts as the customer by having correctly signed webhooks sent to the server.
 * Only inboxes whose settings point at the simulator can be driven this way.
 */
export class Simulator {
  private readonly fakes = new Map<string, FakePlatform>();
  private readonly sent = new Map<string, SentSummary[]>();
  private readonly lastCustomer = new Map<string, SimCustomer>();

  constructor(
    private readonly core: SimulatorDeps,
    private readonly adapters: Partial<Record<string, SimAdapter>>,
    /** How a customer's webhook reaches the server's webhook route (default: over HTTP to `selfUrl`). */
    private readonly deliver: (request: Request) => Promise<Response> = (request) => fetch(request),
    /** How a webhook refused as overloaded (503) is sent again: as the platforms do, bounded. */
    private readonly redelivery: Redelivery = DEMO_REDELIVERY,
  ) {}

  /** Mounts the `/simulator` page and its API on the app (signed-in users only). */
  mount(app: Hono<AppEnv>, core: SessionReads): void {
    registerSimulatorRoutes(app, core, this);
  }

  channels(): string[] {
    return Object.keys(this.adapters);
  }

  private async simulatedInbox(inboxId: string): Promise<{ inbox: InboxRow; adapter: SimAdapter; credentials: Record<string, string> }> {
    const inbox = await getInboxRow(this.core.db, inboxId);
    const adapter = inbox && this.adapters[inbox.channel];
    if (!inbox || !adapter || inbox.settings.apiBaseUrl !== SIMULATOR_BASE) throw notFoundSaying("A simulated channel");
    return { inbox, adapter, credentials: await credentialsOf(this.core, inbox) };
  }

  private async fakeFor(inboxId: string): Promise<{ fake: FakePlatform; adapter: SimAdapter }> {
    const { adapter, credentials } = await this.simulatedInbox(inboxId);
    let fake = this.fakes.get(inboxId);
    if (!fake) this.fakes.set(inboxId, (fake = adapter.createFake(credentials)));
    return { fake, adapter };
  }

  /**
   * How this server's connectors reach the fakes (`core.endpoints.simulatorFetch`): in the
   * process, never over the network. Only connectors call the fake platforms, so the HTTP app
   * does not serve them to anyone (and on Workers the Worker refuses `/simulator/platform/*`
   * from outside).
   */
  readonly connectorFetch: typeof fetch = async (input, init) => {
    // Relative URLs come from cores that never served a request (no `selfUrl` yet).
    const request = input instanceof Request ? new Request(input, init) : new Request(new URL(String(input), "http://simulator.internal"), init);
    const match = PLATFORM_PATH_RE.exec(new URL(request.url).pathname);
    if (!match) return new Response("Not a simulated platform.", { status: 404 });
    return this.platformCall(decodeURIComponent(match[1]!), request, `/simulator/platform/${match[1]}`).catch((err: unknown) =>
      err instanceof HttpError ? new Response(err.message, { status: err.status }) : Promise.reject(err),
    );
  };

  /** A platform API call from the connector, answered by the inbox's fake. */
  async platformCall(inboxId: string, request: Request, mountPath: string): Promise<Response> {
    const { fake, adapter } = await this.fakeFor(inboxId);
    const recorded = await recordFromRequest(request, mountPath);
    // Fakes build absolute media links from Host; an in-process request has none.
    recorded.headers.host ??= new URL(request.url).host + mountPath;
    const reply = await fake.handle(recorded);
    const status = reply.status ?? 200;
    const summary = adapter.describe(recorded);
    if (summary) {
      const list = this.sent.get(inboxId) ?? [];
      list.push({ ...summary, at: this.core.now(), status });
      this.sent.set(inboxId, list.slice(-200));
    }
    const body = reply.body === undefined ? "" : typeof reply.body === "string" || reply.body instanceof Uint8Array ? reply.body : JSON.stringify(reply.body);
    const isJson = typeof reply.body === "object" && !(reply.body instanceof Uint8Array);
    return new Response(body as BodyInit, { status, headers: { "content-type": isJson ? "application/json" : "text/plain", ...reply.headers } });
  }

  /**
   * The customer does something: a signed webhook goes to the server's real webhook route. An
   * overloaded server's 503 is waited out (its Retry-After) and the same delivery, with the same
   * message id, sent again, as Meta and Telegram redeliver; the answer is the last try's.
   */
  async customerActs(inboxId: string, customer: SimCustomer, action: CustomerAction): Promise<{ status: number; body: string }> {
    const { inbox, adapter, credentials } = await this.simulatedInbox(inboxId);
    await this.fakeFor(inboxId);
    this.lastCustomer.set(inboxId, customer);
    const messageId = `sim-${crypto.randomUUID()}`;
    const delivery = adapter.inbound(action, customer, messageId, credentials, `${this.core.endpoints.selfUrl}/simulator/platform/${inbox.id}`);
    const url = `${this.core.endpoints.selfUrl}/webhooks/${inbox.channel}/${inbox.id}${delivery.query ? `?${delivery.query}` : ""}`;
    const res = await sendUntilTaken(() => this.deliver(new Request(url, { method: "POST", headers: delivery.headers, body: delivery.body })), this.redelivery);
    return { status: res.status, body: await res.text() };
  }

  async setFailure(inboxId: string, failure: SimFailure): Promise<void> {
    const { fake, adapter } = await this.fakeFor(inboxId);
    const customer = this.lastCustomer.get(inboxId);
    if (failure === "blocked" && adapter.blocksByWebhook) {
      if (!customer) throw new HttpError(409, "conflict", "Write as a customer first: the block comes from that customer.");
      await this.customerActs(inboxId, customer, { kind: "block" });
      return;
    }
    adapter.fail(fake, failure);
  }

  sentTo(inboxId: string): SentSummary[] {
    return this.sent.get(inboxId) ?? [];
  }

  /** Whether the channel's customers can send files. */
  acceptsFiles(channel: string): boolean {
    return this.adapters[channel]?.files !== false;
  }

  sample(channel: string): SimCustomer {
    const adapter = this.adapters[channel];
    if (!adapter) throw new HttpError(404, "not_found", "That channel cannot be simulated.");
    return adapter.sampleCustomer();
  }
}
