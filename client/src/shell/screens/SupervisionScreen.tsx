/** The supervision screen: the app's header above the boards; the wall display has no header. */
import { Show } from "solid-js";
import { Supervision } from "../../supervision/index.ts";
import { AppHeader } from "../AppHeader.tsx";
import { BulkResults } from "../../bulk/index.ts";

export function SupervisionScreen(props: { wall: boolean }) {
  return (
    <div class="app-shell">
      <Show when={!props.wall}>
        <AppHeader />
        <BulkResults />
      </Show>
      <Supervision wall={props.wall} />
    </div>
  );
}
