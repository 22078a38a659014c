/** Top bar: product and workspace, live-connection state, who is signed in, and Sign out. */
import { Show } from "solid-js";
import { CONNECTION_LABELS } from "../sync/connection.ts";
import { ROLE_LABELS } from "../format/labels.ts";
import { useAppState } from "../state/app-state.tsx";
import { Avatar } from "./Avatar.tsx";

export function AppHeader() {
  const { session, conversations } = useAppState();
  return (
    <header class="app-header">
      <div class="brand">
        <img src="/icon.svg" alt="" width="28" height="28" />
        <span class="brand-name">Inbox</span>
        <Show when={session.me()?.workspace.name}>
          {(name) => <span class="workspace-name">{name()}</span>}
        </Show>
      </div>
      <p class={`connection connection-${conversations.connection()}`} role="status">
        <span class="connection-dot" aria-hidden="true" />
        {CONNECTION_LABELS[conversations.connection()]}
      </p>
      <Show when={session.me()?.user}>
        {(user) => (
          <div class="current-user">
            <Avatar name={user().name} size="sm" />
            <span class="current-user-text">
              <span class="current-user-name">{user().name}</span>
              <span class="current-user-role">{ROLE_LABELS[user().role]}</span>
            </span>
            <button type="button" class="btn btn-ghost" onClick={() => void session.signOut()}>
              Sign out
            </button>
          </div>
        )}
      </Show>
    </header>
  );
}
