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
  /**
   * Session cookies' Secure flag. "auto": set, unless the request is plain http to a loopback
   * address (a local `npm start`); "false" only for a trusted network served over plain http.
   */
  SECURE_COOKIES: z.enum(["auto", "true", "false"]).default("auto").transform((v) => (v === "auto" ? ("auto" as const) : v === "true")),
  /**
   * Comma-separated addresses of the reverse proxies in front of this server; only their
   * X-Forwarded-For is believed for the client's address (throttling, audit log).
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)),
  /** The /simulator page for the demo's simulated channels (`npm start` turns it on; never in production). */
  ENABLE_SIMULATOR: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** Seed the demo workspace and its logins into an empty database (`npm start` turns it on). */
  SEED_DEMO: z
    .enum(["true", "false"])
    .default("false")
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
