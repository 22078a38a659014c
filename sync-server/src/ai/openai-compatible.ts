import { z } from "zod";
import { AiError, DEFAULT_AI_TIMEOUT_MS, abortedError, deadline, type AiProvider, type AiRequest } from "./provider.ts";

export interface OpenAiCompatibleOptions {
  /** e.g. https://api.openai.com/v1; the call is POST {baseUrl}/chat/completions. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <key>`; null for endpoints that need none (a local model server). */
  apiKey: string | null;
  model: string;
  /** The guarded fetch (channels' platform fetch guard): the base URL is an admin's choice. */
  fetch: typeof fetch;
}

/** The part of the answer we read (https://platform.openai.com/docs/api-reference/chat/object). */
const CompletionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

/** Any endpoint speaking OpenAI's chat-completions wire format (OpenAI, Azure-style gateways, Ollama, vLLM, OpenRouter…). */
export function openAiCompatible(opts: OpenAiCompatibleOptions): AiProvider {
  const url = `${opts.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  return {
    kind: "openai-compatible",
    model: opts.model,
    async complete(request: AiRequest): Promise<string> {
      const { signal, timedOut } = deadline(request);
      const seconds = Math.round((request.timeoutMs ?? DEFAULT_AI_TIMEOUT_MS) / 1000);
      const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
      if (opts.apiKey) headers["authorization"] = `Bearer ${opts.apiKey}`;
      let response: Response;
      let text: string;
      try {
        response = await opts.fetch(url, { method: "POST", headers, body: JSON.stringify({ model: opts.model, messages: request.messages }), signal });
        text = await response.text();
      } catch (err) {
        if (signal.aborted) throw abortedError(timedOut(), seconds);
        if (err instanceof Error && err.name === "PlatformFetchRefused") throw new AiError("refused_address", `The AI provider's address was refused: ${err.message}`);
        throw new AiError("network", "The AI provider could not be reached. Check its address, or try again later.");
      }
      if (!response.ok) throw statusError(response, opts.model);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new AiError("malformed", "The AI provider's answer was not understood (it was not JSON).");
      }
      const parsed = CompletionSchema.safeParse(json);
      if (!parsed.success) throw new AiError("malformed", "The AI provider's answer was not understood (no message in it).");
      const content = parsed.data.choices[0]!.message.content.trim();
      if (content === "") throw new AiError("malformed", "The AI provider answered with an empty message.");
      return content;
    },
  };
}

function statusError(response: Response, model: string): AiError {
  const status = response.status;
  if (status === 401 || status === 403) return new AiError("unauthorized", "The AI provider refused the API key. Check the key in Settings → AI assistance.");
  if (status === 404) return new AiError("model_not_found", `The AI provider does not know the model "${model}", or the address is wrong. Check both in Settings → AI assistance.`);
  if (status === 429) {
    const wait = retryAfterSeconds(response.headers.get("retry-after"));
    return new AiError("rate_limited", wait === undefined ? "The AI provider is receiving too many requests. Try again in a moment." : `The AI provider is receiving too many requests. Try again in ${wait} seconds.`, wait);
  }
  if (status === 400 || status === 422) return new AiError("bad_request", "The AI provider refused the request (it may be too long for the model).");
  if (status >= 500) return new AiError("unavailable", "The AI provider had a problem. Try again in a moment.");
  return new AiError("unavailable", `The AI provider answered with an unexpected status (${status}).`);
}

/** `Retry-After` as seconds: a number, or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.max(0, Math.ceil((at - now) / 1000)) : undefined;
}
