import type { DurableObjectNamespace } from "./cf-types.ts";
import type { Env } from "./env.ts";

const SINGLETON = "simulator";
/** Base for connector calls built on an empty `selfUrl` (cores that never served a request). */
export const SIMULATOR_ORIGIN = "https://simulator.internal";

/** ENABLE_SIMULATOR is "true" and the SimulatorObject binding is declared. */
export function simulatorEnabled(env: Env): env is Env & { SIMULATOR: DurableObjectNamespace } {
  return env.ENABLE_SIMULATOR === "true" && env.SIMULATOR !== undefined;
}

/** The page and its API: what the simulator serves to browsers (signed-in users). */
export function isSimulatorPath(pathname: string): boolean {
  return (pathname === "/simulator" || pathname.startsWith("/simulator/")) && !isSimulatorPlatformPath(pathname);
}

/** The fake platform APIs: only connectors call them, through the binding, never from outside. */
export function isSimulatorPlatformPath(pathname: string): boolean {
  return pathname.startsWith("/simulator/platform/");
}

/** A fetch's arguments as one Request, relative URLs resolved against `origin`. */
export function asRequest(input: RequestInfo | URL, init: RequestInit | undefined, origin = SIMULATOR_ORIGIN): Request {
  return input instanceof Request ? new Request(input, init) : new Request(new URL(String(input), origin), init);
}

/** Hands a request to the one SimulatorObject (it keeps the fakes and their "sent" lists). */
export function toSimulator(simulator: DurableObjectNamespace, request: Request): Promise<Response> {
  return simulator.get(simulator.idFromName(SINGLETON)).fetch(request);
}

/** Connectors' calls to simulator-wired inboxes' platforms, answered by the SimulatorObject. */
export function simulatorObjectFetch(simulator: DurableObjectNamespace): typeof fetch {
  return (input, init) => toSimulator(simulator, asRequest(input, init));
}
