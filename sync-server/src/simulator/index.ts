// Simulator: the demo's fake platforms and the `/simulator` page (off unless enabled).
// The capability's public surface: other modules import this file, never its insides.
export type { CustomerAction, SimAdapter, SimCustomer } from "./sim-adapter.ts";
export { Simulator } from "./simulator.ts";
