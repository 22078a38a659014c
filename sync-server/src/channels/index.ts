// Channels: connecting and administering inboxes, their state and credentials, how connectors reach
// platforms (endpoints, the guarded platform fetch), customers' reachability (blocks) and their
// platform profiles (names and pictures, looked up after ingest).
// The capability's public surface: other modules import this file, never its insides.
export { registerAdminRoutes } from "./admin-routes.ts";
export { SIMULATOR_BASE, publicBaseOf, connectorFor, contextFor, credentialsOf, webhookInbox, type ChannelsDeps, type Endpoints } from "./channel-access.ts";
export { CHANNEL_NAMES } from "./channel-names.ts";
export { humanAgentTagOf, replyWindowHoursOf } from "./human-agent.ts";
export { setChannelStatus } from "./channel-state.ts";
export { platformFetch } from "./platform-fetch.ts";
export { markReachable, markUnreachable, refuseIfUnreachable } from "./reachability.ts";
export { PROFILE_REFRESH_MS, ProfileRefresher, type ProfileRequests } from "./profile-refresher.ts";
export { membersFor, metaAppMembers, metaAppSecrets, metaAppWebhookUrl, type MetaAppMember } from "./meta-app.ts";
export { firstClaimants } from "./meta-claims.ts";
