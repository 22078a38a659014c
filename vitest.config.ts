import { defineConfig } from "vitest/config";

// Two projects: fast unit/integration tests beside the code, and browser end-to-end tests in
// each package's e2e/ folder (real server, real chromium), run one file at a time.
export default defineConfig({
  test: {
    projects: [
      // The Workers build inside workerd (sync-server/test-workers, real sqld and platform fakes).
      "sync-server/vitest.workers.config.ts",
      {
        test: {
          name: "unit",
          include: ["{shared,connectors,sync-server,client}/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/e2e/**", "**/dist/**", "**/test-workers/**"],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["*/e2e/**/*.test.ts"],
          exclude: ["**/node_modules/**"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
