import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The app, the core and the bundled migrator are what the Workers build runs, so they must
 * build for a platform with no Node built-ins, and our own code in them must not lean on Node
 * globals. Anything Node-only belongs in node/ (or testing/), behind the core's interfaces.
 */
describe("the runtime-neutral core", () => {
  it("bundles for a web platform with no Node built-ins and uses no Node globals", async () => {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: [
        "sync-server/src/app.ts",
        "sync-server/src/core.ts",
        "sync-server/src/db/migrate-bundle.ts",
        // The contract a runtime adapter implements (rooms, widget pushes, sockets, scheduled jobs).
        "sync-server/src/rooms/room-ops.ts",
        "sync-server/src/rooms/live-rooms.ts",
        "sync-server/src/sync/socket-gateway.ts",
        "sync-server/src/widget/widget-socket-gateway.ts",
        "sync-server/src/http/websocket.ts",
        "sync-server/src/widget/widget-push.ts",
        "sync-server/src/scheduling/jobs.ts",
        "sync-server/src/scheduling/polling-loop.ts",
      ],
      bundle: true,
      write: false,
      outdir: "out",
      platform: "browser",
      format: "esm",
      conditions: ["workerd", "worker", "browser"],
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((p) => p.startsWith("node:") || /(^|\/)src\/(node|testing)\//.test(p))).toEqual([]);

    const ours = inputs.filter((p) => !p.includes("node_modules/"));
    expect(ours.length).toBeGreaterThan(50);
    const nodeGlobals = /\b(Buffer\.|process\.|setImmediate\(|__dirname|require\()/;
    const offenders = ours.flatMap((p) =>
      readFileSync(ROOT + p, "utf8")
        .split("\n")
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && nodeGlobals.test(line))
        .map((line) => `${p}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
