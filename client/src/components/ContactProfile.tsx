/** Who the customer is: name, contact details and the channels they are known on. */
import type { Contact } from "@inbox/shared";
import { contactDisplayName } from "@inbox/shared";
import { For, Show } from "solid-js";
import { CHANNEL_LABELS } from "../format/labels.ts";
import { formatDateTime } from "../format/time.ts";
import { Avatar } from "./Avatar.tsx";

export function ContactProfile(props: { contact: Contact }) {
  const name = () => contactDisplayName(props.contact);
  return (
    <section class="info-section" aria-labelledby="info-profile-title">
      <h3 id="info-profile-title" class="sr-only">
        Profile
      </h3>
      <div class="profile-head">
        <Avatar name={name()} size="lg" />
        <div>
          <p class="profile-name">{name()}</p>
          <p class="muted small">Customer since {formatDateTime(props.contact.createdAt)}</p>
        </div>
      </div>
      <dl class="info-list">
        <dt>Email</dt>
        <dd>
          <Show when={props.contact.email} fallback={<span class="muted">Not known</span>}>
            {(email) => <a href={`mailto:${encodeURIComponent(email())}`}>{email()}</a>}
          </Show>
        </dd>
        <dt>Phone</dt>
        <dd>
          <Show when={props.contact.phone} fallback={<span class="muted">Not known</span>}>
            {(phone) => <a href={`tel:${phone().replace(/[^\d+]/g, "")}`}>{phone()}</a>}
          </Show>
        </dd>
        <dt>Channels</dt>
        <dd>
          <Show when={props.contact.identities.length > 0} fallback={<span class="muted">None</span>}>
            <ul class="identity-list">
              <For each={props.contact.identities}>
                {(identity) => (
                  <li>
                    <span class={`channel-badge channel-${identity.channel}`}>{CHANNEL_LABELS[identity.channel]}</span>
                    <span class="identity-id">{identity.externalId}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </dd>
      </dl>
    </section>
  );
}
