/**
 * Settings for admins and supervisors: the channels (state, webhook URLs, connecting and
 * reconnecting, with each channel's routing from routing/), and the content agents reuse
 * (canned responses, knowledge-base articles); who may open which section. Online-only.
 * The screens load on demand (their own chunk, cached by the service worker for offline), so
 * the inbox's first load does not carry them.
 */
import { lazy } from "solid-js";

export const Settings = lazy(() => import("./Settings.tsx").then((m) => ({ default: m.Settings })));
export const InviteScreen = lazy(() => import("./people/InviteScreen.tsx").then((m) => ({ default: m.InviteScreen })));
export { canOpenSettings } from "./settings-access.ts";
