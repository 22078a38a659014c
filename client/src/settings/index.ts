/**
 * Settings for admins and supervisors: the channels (state, webhook URLs, connecting and
 * reconnecting, with each channel's routing from routing/), and the content agents reuse
 * (canned responses, knowledge-base articles); who may open which section. Online-only.
 */
export { Settings } from "./Settings.tsx";
export { canOpenSettings } from "./settings-access.ts";
export { InviteScreen } from "./people/InviteScreen.tsx";
