import { defineConfig } from "vitest/config";

// Two projects: fast unit/integration tests beside the code, and browser end-to-end tests in
// each package's e2e/ folder (real server, real chromium), run one file at a time.
export default defineConfig({
  test: {
    // Vitest leaves one core free by default, which on the 2-core CI machine means one test file
    // at a time. Most files wait on I/O (libSQL, sockets, child servers), so two at once halves
    // the run; browser files still run one after another (the e2e project below).
    maxWorkers: 2,
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
