// Contacts: editing, merging and searching people, their attachments and linked tickets.
// The capability's public surface: other modules import this file, never its insides.
export { registerContactRoutes } from "./contact-routes.ts";
export { touchTeamConversations } from "./contacts-publish.ts";
export { contactForUser, loadContactRow, updateContact, type ContactsDeps } from "./contacts.ts";
export { applyPlatformProfile, type ProfileIdentity } from "./platform-profile.ts";
