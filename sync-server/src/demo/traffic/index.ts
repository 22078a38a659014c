// Demo traffic: simulated customers on every channel of the demo workspace (DEMO_TRAFFIC, demo only).
export { DEMO_TRAFFIC_DEFAULTS, DemoTraffic, demoTrafficRefusal, type DemoTrafficOptions, type DemoTrafficStats } from "./demo-traffic.ts";
