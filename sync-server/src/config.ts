import { z } from "zod";

/** Server settings, validated once at start-up from the runtime's environment. */
export const ServerConfigSchema = z.object({
  DATABASE_URL: z.string().default("file:./data/inbox.db"),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /** Media files and (when INBOX_SECRET_KEY is unset) the generated credentials key. */
  DATA_DIR: z.string().default("./data"),
  /** Base64 of 32 random bytes: encrypts channel credentials at rest. */
  INBOX_SECRET_KEY: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().default("127.0.0.1"),
  /** Sessions expire this many hours after sign-in. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Set when served over HTTPS so cookies get the Secure flag. */
  SECURE_COOKIES: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** The /simulator page for the demo's simulated channels; turn off in production. */
  ENABLE_SIMULATOR: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** This server's name across restarts (default: generated into DATA_DIR); give each of several servers sharing a data folder its own. */
  INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, "use letters, digits, dots, dashes and underscores")
    .optional(),
  /** Days processed webhooks are kept (default 7); failed ones WEBHOOK_FAILED_RETENTION_DAYS (default 30). */
  WEBHOOK_RETENTION_DAYS: z.coerce.number().positive().default(7),
  WEBHOOK_FAILED_RETENTION_DAYS: z.coerce.number().positive().default(30),
  SEED_DEMO: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
});
export type ServerConfig = z.infer<typeof ServerConfigSchema>;

export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const result = ServerConfigSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid server configuration: ${problems}`);
  }
  return result.data;
}
