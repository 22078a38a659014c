/**
 * The app's spine, read by every area: who is signed in (session, the remembered user, their UI
 * language), their device's offline engine (local database, outbox, pull, work documents), the
 * workspace's users, the screen route, and the state object that carries them (useAppState).
 */
export { AppStateContext, useAppState, type AppState } from "./app-state.ts";
export { chooseLocale, followUserLocale, localeFor } from "./locale-preference.ts";
export { createLocalSlice, type LocalSlice } from "./local.ts";
export { localStorageOrNull } from "./me-cache.ts";
export { createRouteSlice, type RouteSlice } from "./route.ts";
export { createSessionSlice, type SessionSlice } from "./session.ts";
export { createUsersSlice, type UsersSlice } from "./users.ts";
