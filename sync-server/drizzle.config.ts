import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "turso",
  schema: "./sync-server/src/db/schema.ts",
  out: "./sync-server/migrations",
});
