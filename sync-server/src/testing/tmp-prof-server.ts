import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 200 });
process.on("SIGHUP", () => void session.post("Profiler.start"));
process.on("SIGWINCH", () => void session.post("Profiler.stop").then(({ profile }) => writeFileSync(process.env.PROF_OUT ?? "/tmp/steady.cpuprofile", JSON.stringify(profile))));
await import("./server-process.ts");
