import type { SimAdapter } from "../sim-adapter.ts";

/** One adapter per platform connector that ships a fake (connectors/<platform>/fake.ts). */
export function simulatorAdapters(): Partial<Record<string, SimAdapter>> {
  return {};
}
