// Content: canned responses, the knowledge base (and its public `/kb` pages), saved views.
// The capability's public surface: other modules import this file, never its insides.
export { registerContentRoutes } from "./content-routes.ts";
export { slugify } from "./knowledge.ts";
export { registerViewRoutes } from "./view-routes.ts";
