/**
 * The reply box and internal notes: formatting, attachments, emoji, buttons and quick replies,
 * @mentions, and the canned responses and knowledge-base articles it inserts, kept on the device
 * (composer/content/) so they work offline; Settings edits the same content through this.
 */
export { Composer } from "./Composer.tsx";
export { draftOf, type DraftTarget } from "./draft-bridge.ts";
export { MessageTranslation } from "./ai/MessageTranslation.tsx";
export { refreshAiStatus } from "./ai/ai-api.ts";
export { CANNED_VARIABLES } from "./content/canned-vars.ts";
export { articleUrl, contentApi } from "./content/content-api.ts";
export { contentStore } from "./content/content.ts";
export { prefetchContent } from "./content/prefetch.ts";
