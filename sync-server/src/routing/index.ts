// Routing: offers to available agents, pickup, presence, the routing scheduler, why each decision.
// The capability's public surface: other modules import this file, never its insides.
export { pickupOnReply } from "./pickup.ts";
export type { PresenceOptions } from "./presence.ts";
export { Router, routingModeOf, type OfferListener, type RoutingDeps } from "./router.ts";
export { registerRoutingRoutes } from "./routing-routes.ts";
export { afterCapacityFreed, routeInBackground, type CapacityDeps } from "./routing-services.ts";
export { RuleBook, ruleSetCache, type RuleSet } from "./rules-book.ts";
export { ruleStatements, type FiredRules } from "./rules-apply.ts";
export { registerRoutingRuleRoutes } from "./rules-routes.ts";
export { messageLanguage } from "./message-language.ts";
