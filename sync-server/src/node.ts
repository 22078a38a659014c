import { loadConfig } from "./config.ts";
import { startNodeServer } from "./node/server.ts";
import { webhookRetentionFrom } from "./channels/webhook-retention.ts";

// Thin entry for one machine: `npm start` runs this after building the PWA.
const config = loadConfig(process.env);
const demoPassword = process.env.DEMO_PASSWORD ?? "demo1234";
const server = await startNodeServer({
  dataDir: config.DATA_DIR,
  secretKey: config.INBOX_SECRET_KEY,
  databaseUrl: config.DATABASE_URL,
  databaseAuthToken: config.DATABASE_AUTH_TOKEN,
  port: config.PORT,
  host: config.HOST,
  sessionTtlMs: config.SESSION_TTL_HOURS * 3600_000,
  secureCookies: config.SECURE_COOKIES,
  simulator: config.ENABLE_SIMULATOR,
  instanceId: config.INSTANCE_ID,
  webhookRetention: webhookRetentionFrom(config),
  seedPassword: config.SEED_DEMO ? demoPassword : undefined,
});

const lines = [
  "",
  `  Inbox is running at ${server.url}`,
  `  Demo customer website (web chat widget): ${server.url}/demo`,
  ...(config.ENABLE_SIMULATOR ? [`  Channel simulator (WhatsApp, Messenger, Instagram, Telegram, WeChat, LINE): ${server.url}/simulator`] : []),
  `  API description: ${server.url}/openapi.json`,
  "",
  "  Demo logins (password for all: " + (config.SEED_DEMO ? demoPassword : "as set when seeded") + "):",
  ...(server.seed?.logins ?? []).map((l) => `    ${l.role.padEnd(11)} ${l.email.padEnd(24)} ${l.name}`),
  "",
];
console.log(lines.join("\n"));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
