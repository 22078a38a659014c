/**
 * A contact's data rights (shared/api/data-rights.ts): the archive to download and erasing.
 * Online only: both are the server's record, and erasing cannot wait in an outbox.
 */
import { ContactEraseResponseSchema } from "@inbox/shared/api/data-rights";
import { downloadFile } from "../api/download.ts";
import { request } from "../api/http.ts";

const contact = (id: string) => `/api/contacts/${encodeURIComponent(id)}`;

export const dataRightsApi = {
  /** Saves the contact's zip archive to the browser's downloads; resolves with the file's name. */
  exportArchive: (contactId: string) => downloadFile(`${contact(contactId)}/export`, "contact.zip"),
  erase: (contactId: string, confirm: string) => request(`${contact(contactId)}/erase`, { body: { confirm }, schema: ContactEraseResponseSchema }),
};
