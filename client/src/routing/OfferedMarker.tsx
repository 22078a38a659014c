/** The list row's "Offered" marker (apart from the banner, which comes with the open chat's chunk). */
import type { Conversation } from "@inbox/shared";
import { Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { isOfferedToMe } from "./routing.ts";
import { t } from "./messages.ts";

/** The list row's marker for a chat offered to me and not picked up yet. */
export function OfferedMarker(props: { conversation: Conversation }) {
  const { session } = useAppState();
  return (
    <Show when={isOfferedToMe(props.conversation, session.me()?.user.id)}>
      <span class="conv-item-offered" title={t("offeredMarkerLong")}>
        {t("offeredMarker")}
        <span class="sr-only">: {t("offeredMarkerLong")}</span>
      </span>
    </Show>
  );
}
