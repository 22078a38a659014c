import ipaddr from "ipaddr.js";
import type { AiProviderKind } from "@inbox/shared/api/ai";
import { SCHEMA_MESSAGES } from "@inbox/shared/api/schema-messages";
import { platformFetch } from "../channels/index.ts";
import { openAiCompatible } from "./openai-compatible.ts";
import type { AiProvider } from "./provider.ts";
import { workersAi, type WorkersAiBinding } from "./workers-ai.ts";

export interface AiProvidersOptions {
  /** The runtime's fetch. */
  fetch?: typeof fetch;
  /**
   * AI_ALLOW_PRIVATE_URLS: base URLs on loopback or private addresses (a model server inside the
   * operator's network, the tests' fake) and plain http are allowed. Off by default: an admin's
   * URL must never make the server call its own network.
   */
  allowPrivateUrls?: boolean;
  /** Resolves host names for the guard (Node: DNS), so a public name pointing inward is refused too. */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /** The Workers AI binding (edge build only, wired in worker/). */
  workersAi?: WorkersAiBinding;
  /** How long a provider may take (default 30 s). */
  timeoutMs?: number;
}

/** What a provider is built from: the workspace's settings and its opened key. */
export interface ProviderChoice {
  provider: AiProviderKind;
  baseUrl: string;
  model: string;
  apiKey: string | null;
}

/** Largest answer accepted from a provider: a chat completion is a few kilobytes. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/** Builds the provider a workspace chose, with the server's guard on where calls may go. */
export class AiProviders {
  readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly opts: AiProvidersOptions = {}) {
    this.fetch = opts.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  get workersAiAvailable(): boolean {
    return this.opts.workersAi !== undefined;
  }

  get allowPrivateUrls(): boolean {
    return this.opts.allowPrivateUrls === true;
  }

  /** Why this base URL cannot be used, in words; null when it can (DNS is checked again at call time). */
  baseUrlProblem(baseUrl: string): string | null {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      // The same mistake the schema (api/ai.ts) refuses: its sentence from the table, not a copy.
      return SCHEMA_MESSAGES.ai_base_url_format;
    }
    if (url.username || url.password) return "Addresses with a user name or password in them are not used; put the key in the API key field.";
    if (this.allowPrivateUrls) return /^https?:$/.test(url.protocol) ? null : "Enter an http or https address.";
    if (url.protocol !== "https:") return "Enter an https address: the API key must not travel unencrypted.";
    const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
    const literal = ipaddr.isValid(host) ? ipaddr.process(host).range() !== "unicast" : false;
    if (host === "localhost" || host.endsWith(".localhost") || literal) return "This server does not call private or local addresses. Use the provider's public address (the server's operator can allow private ones).";
    return null;
  }

  /** The provider for these settings; null when it cannot run here (Workers AI on Node). */
  build(choice: ProviderChoice): AiProvider | null {
    if (choice.provider === "workers-ai") return this.opts.workersAi ? workersAi(this.opts.workersAi, choice.model) : null;
    const guarded = platformFetch({
      fetch: this.fetch,
      trustedOrigins: this.allowPrivateUrls ? [new URL(choice.baseUrl).origin] : [],
      maxBytes: MAX_ANSWER_BYTES,
      resolve: this.opts.resolveHost,
      timeoutMs: this.timeoutMs,
    });
    return openAiCompatible({ baseUrl: choice.baseUrl, apiKey: choice.apiKey, model: choice.model, fetch: guarded });
  }
}
