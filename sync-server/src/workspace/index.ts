// Workspace: creating a workspace, the people and channels directory, each user's preferences.
// The capability's public surface: other modules import this file, never its insides.
export { createWorkspace } from "./create-workspace.ts";
export { registerDirectoryRoutes } from "./directory-routes.ts";
export { registerPreferencesRoutes } from "./preferences-routes.ts";
