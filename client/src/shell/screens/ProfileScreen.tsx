/** The profile screen: the app's header above the person's own account (profile/). */
import { Profile } from "../../profile/index.ts";
import { AppHeader } from "../AppHeader.tsx";

export function ProfileScreen() {
  return (
    <div class="app-shell">
      <AppHeader />
      <Profile />
    </div>
  );
}
