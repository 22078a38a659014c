/** The settings screen: the app's header above the settings area (settings/). */
import { Settings } from "../../settings/index.ts";
import { AppHeader } from "../AppHeader.tsx";

export function SettingsScreen() {
  return (
    <div class="app-shell">
      <AppHeader />
      <Settings />
    </div>
  );
}
