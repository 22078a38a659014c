/** Who the customer is: name, VIP, contact details, notes, the channels they are known on; editable by those who may. */
import type { Contact } from "@inbox/shared";
import { can, contactDisplayName } from "@inbox/shared";
import { useAppState } from "../app/index.ts";
import { createSignal, Show } from "solid-js";
import { formatDateTime } from "../format/time.ts";
import type { ContactPanel } from "./contact-panel.ts";
import { Avatar } from "../ui/Avatar.tsx";
import { contactAvatarSrc } from "../format/avatar-src.ts";
import { ContactEditForm } from "./ContactEditForm.tsx";
import { IdentityList } from "./IdentityList.tsx";
import { t } from "./messages.ts";
import { t as rights } from "./data-rights-messages.ts";
import { ErrorMessage } from "../ui/ErrorMessage.tsx";

export function ContactProfile(props: { contact: Contact; panel: ContactPanel }) {
  const name = () => contactDisplayName(props.contact);
  const { session } = useAppState();
  const mayEdit = () => can(session.me()?.user, "manageContacts");
  const [editing, setEditing] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const toggleVip = () => {
    setError(null);
    props.panel.save({ vip: !props.contact.vip }).catch(() => setError(t("saveFailed")));
  };
  return (
    <section class="info-section" aria-labelledby="info-profile-title">
      <h3 id="info-profile-title" class="sr-only">
        {t("profile")}
      </h3>
      <div class="profile-head">
        {/* The platform's picture (an https link, never markup); initials while there is none. */}
        <Avatar name={name()} size="lg" src={contactAvatarSrc(props.contact)} />
        <div class="profile-who">
          <p class="profile-name">
            <span>{name()}</span>
            <Show when={props.contact.vip}>
              <span class="vip-badge">{t("vip")}</span>
            </Show>
          </p>
          <p class="muted small">{t("customerSince", { date: formatDateTime(props.contact.createdAt) })}</p>
        </div>
      </div>
      <Show when={props.contact.erasedAt}>
        {(at) => (
          <p class="profile-erased" role="note">
            {rights("erasedOn", { date: formatDateTime(at()) })}
          </p>
        )}
      </Show>
      {/* A role without "edit and merge contacts" (a custom role) reads the profile only; the server refuses edits anyway. */}
      <Show when={mayEdit()}>
        <div class="profile-actions">
          <button type="button" class="btn btn-ghost" aria-pressed={props.contact.vip} onClick={toggleVip}>
            {props.contact.vip ? t("unmarkVip") : t("markVip")}
          </button>
          <Show when={!editing()}>
            <button type="button" class="btn btn-ghost" onClick={() => setEditing(true)}>
              {t("editDetails")}
            </button>
          </Show>
        </div>
      </Show>
      <ErrorMessage message={error()} />
      <Show
        when={editing()}
        fallback={
          <dl class="info-list">
            <dt>{t("email")}</dt>
            <dd>
              <Show when={props.contact.email} fallback={<span class="muted">{t("notKnown")}</span>}>
                {(email) => <a href={`mailto:${encodeURIComponent(email())}`}>{email()}</a>}
              </Show>
              <Show when={props.contact.email ? props.contact.emailLeftAt : null}>
                {(at) => <p class="muted email-left">{t("emailLeftInWidget", { time: formatDateTime(at()) })}</p>}
              </Show>
            </dd>
            <dt>{t("phone")}</dt>
            <dd>
              <Show when={props.contact.phone} fallback={<span class="muted">{t("notKnown")}</span>}>
                {(phone) => <a href={`tel:${phone().replace(/[^\d+]/g, "")}`}>{phone()}</a>}
              </Show>
            </dd>
            <dt>{t("company")}</dt>
            <dd>
              <Show when={props.contact.company} fallback={<span class="muted">{t("notKnown")}</span>}>
                {(company) => <span>{company()}</span>}
              </Show>
            </dd>
            <Show when={props.contact.notes}>
              {(notes) => (
                <>
                  <dt>{t("notes")}</dt>
                  <dd class="contact-notes">{notes()}</dd>
                </>
              )}
            </Show>
            <dt>{t("channels")}</dt>
            <dd>
              <IdentityList identities={props.contact.identities} />
            </dd>
          </dl>
        }
      >
        <ContactEditForm contact={props.contact} panel={props.panel} onDone={() => setEditing(false)} />
      </Show>
    </section>
  );
}
