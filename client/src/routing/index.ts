/**
 * Routing on the agent's side: their availability (header), the chat offered to them (list row
 * and chat window), and the admin's routing settings for a channel. Online-only.
 */
export { AvailabilitySwitch } from "./AvailabilitySwitch.tsx";
export { OfferBanner, OfferedMarker } from "./OfferBanner.tsx";
export { RoutingSettings } from "./RoutingSettings.tsx";
