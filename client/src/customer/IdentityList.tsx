/** The channels a person is known on: each with its badge and their id or handle there. */
import type { ContactIdentity } from "@inbox/shared";
import { For, Show } from "solid-js";
import { CHANNEL_LABELS } from "../format/labels.ts";
import { ChannelBadge } from "../ui/ChannelBadge.tsx";
import { t } from "./messages.ts";

export function IdentityList(props: { identities: readonly ContactIdentity[] }) {
  return (
    <Show when={props.identities.length > 0} fallback={<span class="muted">{t("none")}</span>}>
      <ul class="identity-list" aria-label={t("channels")}>
        <For each={props.identities}>
          {(identity) => (
            <li aria-label={t(identity.blockedAt ? "identityBlockedOn" : "identityOn", { channel: CHANNEL_LABELS[identity.channel], id: identity.externalId })}>
              <ChannelBadge channel={identity.channel} />
              <span class="identity-id">{identity.externalId}</span>
              <Show when={identity.blockedAt}>
                <span class="identity-blocked">{t("identityBlocked")}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
