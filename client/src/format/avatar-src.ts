import type { Contact } from "@inbox/shared";

/**
 * A contact's picture from their platform, for `<Avatar src>`: only an https URL (the server
 * stores nothing else, but a device's cache may be older); anything else shows initials.
 */
export function contactAvatarSrc(contact: Pick<Contact, "avatarUrl"> | null | undefined): string | null {
  const url = contact?.avatarUrl;
  return typeof url === "string" && url.startsWith("https://") ? url : null;
}
