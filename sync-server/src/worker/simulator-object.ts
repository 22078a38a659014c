import type { Hono } from "hono";
import { createApp } from "../app.ts";
import type { AppEnv } from "../http/app-env.ts";
import { simulatorAdapters } from "../simulator/adapters/index.ts";
import { Simulator } from "../simulator/index.ts";
import type { DurableObjectState } from "./cf-types.ts";
import type { Env } from "./env.ts";
import { isSimulatorPlatformPath } from "./simulator-routing.ts";
import { workerPeerAddress } from "./peer-address.ts";
import { durableRoomSockets, durableWidgetSockets } from "./socket-gateways.ts";
import { buildWorkerCore, settle, type WorkerCore } from "./worker-core.ts";

/**
 * The demo's channel simulator on Workers: the same `Simulator` as on Node, in one object, so
 * its fakes (per inbox), "sent" lists and last customer outlive any one request or isolate.
 * The Worker forwards the page and its API here (signed-in users), and every core's connectors
 * send their calls to the fake platforms here through the binding (simulatorObjectFetch); the
 * Worker refuses `/simulator/platform/*` from outside. The object serves with its own app over
 * its own core (see buildWorkerCore): a customer's webhook goes to that app's webhook route,
 * and connector calls this core makes to the fakes stay in the object too.
 */
export class SimulatorObject {
  private built: Promise<{ app: Hono<AppEnv>; worker: WorkerCore; simulator: Simulator }> | undefined;

  constructor(
    _state: DurableObjectState,
    private readonly env: Env,
  ) {}

  private build(): Promise<{ app: Hono<AppEnv>; worker: WorkerCore; simulator: Simulator }> {
    this.built ??= (async () => {
      let app: Hono<AppEnv> | undefined;
      let simulator: Simulator | undefined;
      const local = (request: Request): Promise<Response> => Promise.resolve(app!.fetch(request));
      const worker = await buildWorkerCore(this.env, (input, init) => simulator!.connectorFetch(input, init));
      simulator = new Simulator(worker.core, simulatorAdapters(), local);
      app = createApp(worker.core, {
        roomSockets: durableRoomSockets(this.env.ROOMS),
        widgetSockets: durableWidgetSockets(this.env.VISITORS),
        peerAddress: workerPeerAddress,
        simulator,
      });
      return { app, worker, simulator };
    })();
    return this.built;
  }

  async fetch(request: Request): Promise<Response> {
    const { app, worker, simulator } = await this.build();
    worker.core.endpoints.selfUrl ||= new URL(request.url).origin;
    const response = isSimulatorPlatformPath(new URL(request.url).pathname) ? await simulator.connectorFetch(request) : await app.fetch(request);
    // A customer's webhook is processed by this object's core: finish it before answering.
    await settle(worker);
    return response;
  }
}
