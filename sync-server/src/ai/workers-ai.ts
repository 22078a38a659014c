import { z } from "zod";
import { AiError, DEFAULT_AI_TIMEOUT_MS, abortedError, deadline, type AiMessage, type AiProvider, type AiRequest } from "./provider.ts";

/**
 * The Workers AI binding (`[ai] binding = "AI"` in wrangler.toml), as much of it as we call:
 * https://developers.cloudflare.com/workers-ai/configuration/bindings/. Only the edge build has
 * one; it is handed to the core from sync-server/src/worker/.
 */
export interface WorkersAiBinding {
  run(model: string, inputs: { messages: AiMessage[] }, options?: Record<string, unknown>): Promise<unknown>;
}

/** Text generation models answer `{ response: string }`. */
const AnswerSchema = z.object({ response: z.string() });

export function workersAi(binding: WorkersAiBinding, model: string): AiProvider {
  return {
    kind: "workers-ai",
    model,
    async complete(request: AiRequest): Promise<string> {
      const { signal, timedOut } = deadline(request);
      const seconds = Math.round((request.timeoutMs ?? DEFAULT_AI_TIMEOUT_MS) / 1000);
      let answer: unknown;
      try {
        const aborted = new Promise<never>((_, reject) => {
          if (signal.aborted) reject(signal.reason);
          signal.addEventListener("abort", () => reject(signal.reason), { once: true });
        });
        answer = await Promise.race([binding.run(model, { messages: [...request.messages] }), aborted]);
      } catch (err) {
        if (signal.aborted) throw abortedError(timedOut(), seconds);
        throw bindingError(err, model);
      }
      const parsed = AnswerSchema.safeParse(answer);
      if (!parsed.success || parsed.data.response.trim() === "") throw new AiError("malformed", "Workers AI's answer was not understood (no text in it).");
      return parsed.data.response.trim();
    },
  };
}

/** Workers AI's errors carry a code in their message (https://developers.cloudflare.com/workers-ai/platform/errors/). */
function bindingError(err: unknown, model: string): AiError {
  const text = err instanceof Error ? err.message : String(err);
  if (/\b(5007|5018)\b|no such model|model not found/i.test(text)) return new AiError("model_not_found", `Workers AI does not know the model "${model}". Check it in Settings → AI assistance.`);
  if (/\b(3036|3040|429)\b|capacity|rate limit|too many/i.test(text)) return new AiError("rate_limited", "Workers AI is receiving too many requests. Try again in a moment.");
  if (/\b(3006|3007|5006)\b|too long|input/i.test(text)) return new AiError("bad_request", "Workers AI refused the request (it may be too long for the model).");
  return new AiError("unavailable", "Workers AI had a problem. Try again in a moment.");
}
