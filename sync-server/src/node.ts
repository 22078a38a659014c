import { loadConfig, mailSettingsOf, parsePlatformApiUrls, smtpUrl, StartupRefusal } from "./config.ts";
import { startNodeServer } from "./node/server.ts";
import { webhookRetentionFrom } from "./webhooks/index.ts";

// Thin entry for one machine. Its defaults are safe for production (no demo data, no
// simulator, Secure cookies); `npm start` (scripts/start.sh) turns the demo on explicitly.
function refused(err: unknown): never {
  // A refused setting is the operator's to fix: say what and how, without a stack trace.
  if (!(err instanceof StartupRefusal)) throw err;
  console.error(`Inbox did not start: ${err.message}`);
  process.exit(1);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (err) {
  refused(err);
}
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
  trustedProxies: config.TRUSTED_PROXIES,
  opsToken: config.OPS_TOKEN,
  simulator: config.ENABLE_SIMULATOR,
  instanceId: config.INSTANCE_ID,
  webhookRetention: webhookRetentionFrom(config),
  admission: { webhookBacklog: config.OVERLOAD_WEBHOOK_BACKLOG, writeQueue: config.OVERLOAD_WRITE_QUEUE, eventLoopLagMs: config.OVERLOAD_EVENT_LOOP_LAG_MS, retryAfterSeconds: config.OVERLOAD_RETRY_AFTER_SECONDS },
  seedPassword: config.SEED_DEMO ? demoPassword : undefined,
  publicUrl: config.PUBLIC_URL,
  platformApiUrls: parsePlatformApiUrls(config.PLATFORM_API_URLS),
  platformDownloadLimitBytes: config.PLATFORM_DOWNLOAD_LIMIT_MB * 1024 * 1024,
  demoTraffic: config.DEMO_TRAFFIC ? { seed: config.DEMO_TRAFFIC_SEED, maxOpen: config.DEMO_TRAFFIC_MAX_OPEN } : undefined,
  mail: mailSettingsOf(config),
  aiAllowPrivateUrls: config.AI_ALLOW_PRIVATE_URLS,
  pushContact: config.PUSH_CONTACT,
  pushAllowLoopback: config.PUSH_ALLOW_LOOPBACK,
}).catch(refused);

const demoLines = server.seed
  ? [
      `  Demo customer website (web chat widget): ${server.url}/demo`,
      ...(config.ENABLE_SIMULATOR ? [`  Channel simulator (WhatsApp, Messenger, Instagram, Telegram, WeChat, LINE): ${server.url}/simulator (signed in)`] : []),
      "",
      `  Demo logins (password for all: ${demoPassword}):`,
      ...server.seed.logins.map((l) => `    ${l.role.padEnd(11)} ${l.email.padEnd(24)} ${l.name}`),
    ]
  : ["  No demo: sign in with an account made by `npm run db:create-workspace`."];
const trafficLines = server.demoTraffic
  ? [
      "",
      `  Demo traffic is on: simulated customers write on ${server.demoTraffic.channels().join(", ")} ` +
        `(seed ${server.demoTraffic.settings.seed}, no new chats above ${server.demoTraffic.settings.maxOpen} open ones). Unset DEMO_TRAFFIC to stop it.`,
    ]
  : [];
// The mail server by its host only: the URL holds the password.
const mailHost = config.SMTP_URL ? smtpUrl(config.SMTP_URL)?.host : undefined;
const mailLines = ["", mailHost ? `  Invitations are emailed through ${mailHost} as ${config.MAIL_FROM}.` : "  Invitations are links to copy (set SMTP_URL and MAIL_FROM to email them too)."];
const lines = ["", `  Inbox is running at ${server.url}`, `  API description: ${server.url}/openapi.json`, ...demoLines, ...trafficLines, ...mailLines, ""];
console.log(lines.join("\n"));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
