import { eq } from "drizzle-orm";
import { DEFAULT_AI_SETTINGS, type AiSettings, type AiSettingsUpdate, type StoredAiSettings } from "@inbox/shared/api/ai";
import { auditInsert, type AuditActor } from "../db/event-rows.ts";
import type { Reads } from "../db/record.ts";
import { workspaces } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError } from "../http/http-error.ts";
import type { AiDeps } from "./ai-deps.ts";
import type { ProviderChoice } from "./providers.ts";

export async function readStoredAi(core: Reads, workspaceId: string): Promise<StoredAiSettings | null> {
  const row = await core.db.query.workspaces.findFirst({ where: eq(workspaces.id, workspaceId), columns: { ai: true } });
  return row?.ai ?? null;
}

/** What an admin reads: never the key, only whether one is set. */
export function publicAiSettings(stored: StoredAiSettings | null, workersAiAvailable: boolean): AiSettings {
  if (!stored) return { ...DEFAULT_AI_SETTINGS, workersAiAvailable };
  const { sealedKey, ...rest } = stored;
  return { ...rest, hasKey: sealedKey !== null, workersAiAvailable };
}

/** The settings as the audit log keeps them: whether a key is set, never the key (not even sealed). */
function auditedForm(stored: StoredAiSettings | null) {
  const { workersAiAvailable: _, ...rest } = publicAiSettings(stored, false);
  return rest;
}

/**
 * Saves an admin's change. A new key is sealed with the server's secret box before it is stored;
 * an omitted key keeps the saved one. The base URL is refused here when the server would never
 * call it (private addresses, plain http), so the mistake shows in the form, not at first use.
 */
export async function saveAiSettings(core: AiDeps, user: SessionUser, actor: AuditActor, next: AiSettingsUpdate): Promise<AiSettings> {
  if (next.provider === "openai-compatible" && next.baseUrl !== "") {
    const problem = core.ai.baseUrlProblem(next.baseUrl);
    if (problem) throw new HttpError(400, "validation_failed", problem, { baseUrl: problem, reason: "address_refused" });
  }
  if (next.enabled && next.provider === "workers-ai" && !core.ai.workersAiAvailable) {
    throw new HttpError(409, "conflict", "Workers AI runs only on the Cloudflare build of this server. Choose an OpenAI-compatible endpoint.", { reason: "workers_ai_unavailable" });
  }
  return core.locks.run(`ai-settings:${user.workspaceId}`, async () => {
    const before = await readStoredAi(core, user.workspaceId);
    const sealedKey = next.clearKey ? null : next.apiKey !== undefined ? await core.secrets.seal({ apiKey: next.apiKey }) : (before?.sealedKey ?? null);
    const after: StoredAiSettings = { enabled: next.enabled, provider: next.provider, baseUrl: next.baseUrl.replace(/\/+$/, ""), model: next.model, redact: next.redact, sealedKey };
    const keyChanged = next.clearKey === true ? before?.sealedKey != null : next.apiKey !== undefined;
    const same = before !== null && JSON.stringify(auditedForm(before)) === JSON.stringify(auditedForm(after)) && !keyChanged;
    if (!same) {
      await core.writer.write([
        core.db.update(workspaces).set({ ai: after }).where(eq(workspaces.id, user.workspaceId)),
        auditInsert(core, { ...actor, workspaceId: user.workspaceId, action: "ai.settings_changed", target: user.workspaceId, data: { before: auditedForm(before), after: auditedForm(after), keyChanged }, at: core.now() }),
      ]);
    }
    return publicAiSettings(same ? before : after, core.ai.workersAiAvailable);
  });
}

/** Why the tools are off for this workspace, or the provider choice with its opened key. */
export async function aiChoiceOf(core: AiDeps, workspaceId: string, opts: { evenWhenOff?: boolean } = {}): Promise<{ choice: ProviderChoice; redact: boolean } | { off: "off" | "not_configured" }> {
  const stored = await readStoredAi(core, workspaceId);
  if (!stored) return { off: opts.evenWhenOff ? "not_configured" : "off" };
  if (!stored.enabled && !opts.evenWhenOff) return { off: "off" };
  if (stored.model === "" || (stored.provider === "openai-compatible" && stored.baseUrl === "") || (stored.provider === "workers-ai" && !core.ai.workersAiAvailable)) return { off: "not_configured" };
  const apiKey = stored.sealedKey ? ((await core.secrets.open(stored.sealedKey))["apiKey"] ?? null) : null;
  return { choice: { provider: stored.provider, baseUrl: stored.baseUrl, model: stored.model, apiKey }, redact: stored.redact };
}
