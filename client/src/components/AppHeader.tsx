/** Top bar: product and workspace, the connection badge, who is signed in, and Sign out. */
import { Show } from "solid-js";
import { ROLE_LABELS } from "../format/labels.ts";
import { useAppState } from "../state/app-state.tsx";
import { Avatar } from "./Avatar.tsx";
import { ConnectionBadge } from "./ConnectionBadge.tsx";

export function AppHeader() {
  const { session } = useAppState();
  return (
    <header class="app-header">
      <div class="brand">
        <img src="/icon.svg" alt="" width="28" height="28" />
        <span class="brand-name">Inbox</span>
        <Show when={session.me()?.workspace.name}>
          {(name) => <span class="workspace-name">{name()}</span>}
        </Show>
      </div>
      <ConnectionBadge />
      <Show when={session.me()?.user}>
        {(user) => (
          <div class="current-user">
            <Avatar name={user().name} size="sm" />
            <span class="current-user-text">
              <span class="current-user-name">{user().name}</span>
              <span class="current-user-role">{ROLE_LABELS[user().role]}</span>
            </span>
            <button
              type="button"
              class="btn btn-ghost"
              disabled={session.signingOut()}
              aria-busy={session.signingOut()}
              onClick={() => void session.signOut()}
            >
              Sign out
            </button>
          </div>
        )}
      </Show>
    </header>
  );
}
