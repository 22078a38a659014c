import { readFileSync } from "node:fs";
import type { Plugin } from "vite";

const COPY = "?zod-mini-copy";

/**
 * Gives `zod/mini` its own copy of zod's core in the build (issue 17). Classic zod and zod/mini
 * share `zod/v4/core`; bundled together, the chunk the first screen loads for zod/mini would hold
 * every part of the core that classic zod (loaded later, for the API) uses, ~16 KB gzip instead of
 * the ~8 KB zod/mini needs for the start-up schemas. Modules reached from `zod/mini` get a
 * distinct id (a query suffix), so the bundler tree-shakes that copy for zod/mini alone. The two
 * copies never meet: mini schemas only parse the device's saved copies and error bodies.
 */
export function zodMiniOwnCopy(): Plugin {
  return {
    name: "zod-mini-own-copy",
    enforce: "pre",
    async resolveId(source, importer, options) {
      const fromCopy = importer?.endsWith(COPY) ?? false;
      if (source !== "zod/mini" && !fromCopy) return null;
      const resolved = await this.resolve(source, fromCopy ? importer!.slice(0, -COPY.length) : importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      // zod declares itself free of side effects; the suffixed ids must keep that for tree-shaking.
      return { id: resolved.id + COPY, moduleSideEffects: false };
    },
    load(id) {
      return id.endsWith(COPY) ? readFileSync(id.slice(0, -COPY.length), "utf8") : null;
    },
  };
}
