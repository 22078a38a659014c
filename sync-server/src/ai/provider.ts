import type { AiProviderKind } from "@inbox/shared/api/ai";

/** One turn of a chat completion, as every provider takes it. */
export interface AiMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface AiRequest {
  messages: readonly AiMessage[];
  /** The caller gave up (the request was closed): the call is abandoned. */
  signal?: AbortSignal;
  /** How long the provider may take (default: the provider's own, 30 s). */
  timeoutMs?: number;
}

/** A chat model behind one interface: messages in, text out. */
export interface AiProvider {
  readonly kind: AiProviderKind;
  readonly model: string;
  complete(request: AiRequest): Promise<string>;
}

/**
 * Why a call failed, as documented string kinds; each has a sentence for the person using the
 * product (`AiError.message`), and the PWA says it in their language from the kind.
 */
export const AI_ERROR_KINDS = [
  "unauthorized",
  "model_not_found",
  "rate_limited",
  "unavailable",
  "timeout",
  "network",
  "malformed",
  "refused_address",
  "cancelled",
  "bad_request",
] as const;
export type AiErrorKind = (typeof AI_ERROR_KINDS)[number];

export class AiError extends Error {
  override readonly name = "AiError";
  constructor(
    readonly kind: AiErrorKind,
    message: string,
    /** With `rate_limited`: seconds the provider asked us to wait, when it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const DEFAULT_AI_TIMEOUT_MS = 30_000;

/** The caller's signal and a timeout as one, and which of them fired. */
export function deadline(request: AiRequest): { signal: AbortSignal; timedOut(): boolean } {
  const timeout = AbortSignal.timeout(request.timeoutMs ?? DEFAULT_AI_TIMEOUT_MS);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  return { signal, timedOut: () => timeout.aborted };
}

/** A failure that happened while waiting, said in words by what stopped it. */
export function abortedError(timedOut: boolean, seconds: number): AiError {
  return timedOut
    ? new AiError("timeout", `The AI provider did not answer within ${seconds} seconds. Try again, or choose a faster model.`)
    : new AiError("cancelled", "The request to the AI provider was cancelled.");
}
