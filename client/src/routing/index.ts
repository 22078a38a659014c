/**
 * Routing on the agent's side: their availability (header), the chat offered to them (list row
 * and chat window), and the admin's routing settings for a channel. Online-only.
 */
export { AvailabilitySwitch } from "./AvailabilitySwitch.tsx";
export { OfferBanner } from "./OfferBanner.tsx";
export { OfferedMarker } from "./OfferedMarker.tsx";
export { RoutingSettings } from "./RoutingSettings.tsx";
