// Demo: the demo workspace's seed and the `/demo` sample website (only when the demo is on).
// The capability's public surface: other modules import this file, never its insides.
export { registerDemoRoutes } from "./demo-routes.ts";
export { demoCredentials, seedDemo, type SeedResult } from "./seed-demo.ts";
export { DEMO_TRAFFIC_DEFAULTS, DemoTraffic, demoTrafficRefusal, type DemoTrafficOptions, type DemoTrafficStats } from "./traffic/index.ts";
