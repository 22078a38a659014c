/**
 * The app's frame: chooses the screen (sign-in, loading, unreachable, inbox, settings, an
 * attachment), creates the app state (AppStateProvider), and draws the header (connection,
 * availability, notifications, shortcuts, language, sign-out), notices and channel alerts.
 */
export { App } from "./App.tsx";
export type { ChannelsSlice } from "./channels.ts";
