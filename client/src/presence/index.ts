/** Presence: who else is on a conversation ("Ana is typing a reply"), in the chat header and on the list's rows. */
export { PresenceMarker, PresenceNote } from "./PresenceNote.tsx";
