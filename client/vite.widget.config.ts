import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The embeddable web chat widget: one self-contained, minified IIFE (`dist-widget/widget.js`)
 * with zod and @inbox/shared bundled in, loaded by websites with a single <script> tag.
 * Build: `npx vite build --config vite.widget.config.ts` (from client/).
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  // The PWA's public/ assets and env handling are not the widget's business.
  publicDir: false,
  envDir: false,
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    outDir: "dist-widget",
    emptyOutDir: true,
    copyPublicDir: false,
    minify: true,
    sourcemap: false,
    target: "es2020",
    lib: {
      entry: fileURLToPath(new URL("./widget/main.ts", import.meta.url)),
      name: "InboxWidget",
      formats: ["iife"],
      fileName: () => "widget.js",
    },
    rolldownOptions: {
      // ASCII-only output: host pages without a charset would otherwise garble "…" and emoji.
      output: { codeSplitting: false, charset: "ascii" },
    },
  },
});
