// AI assistance in the composer (issue 15): providers behind one interface (an OpenAI-compatible
// endpoint, the Workers AI binding), the workspace's settings, redaction, the tools and their routes.
// The capability's public surface: other modules import this file, never its insides.
export { registerAiRoutes } from "./ai-routes.ts";
export type { AiDeps } from "./ai-deps.ts";
export { AiProviders, type AiProvidersOptions } from "./providers.ts";
export { AiError, AI_ERROR_KINDS, type AiErrorKind, type AiMessage, type AiProvider, type AiRequest } from "./provider.ts";
export type { WorkersAiBinding } from "./workers-ai.ts";
export { redact } from "./redact.ts";
