import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** Presence is a name and what the agent is doing; anything near this size is not that. */
const MAX_STATE_CHARS = 4096;

/**
 * What one socket may say in a room's awareness ("Ana is viewing", "Ana is typing a reply"):
 * only about its own awareness clients, and only as the signed-in user it belongs to. Each
 * state's `user` is replaced by the socket's user, so nobody can appear as a colleague, and
 * entries for clients another socket announced are dropped, so nobody can clear a colleague's
 * presence. Returns the update to apply, or null when nothing is left of it.
 *
 * Wire format (y-protocols/awareness): count, then per client its id, clock and JSON state.
 */
export function guardAwarenessUpdate(
  update: Uint8Array,
  user: { id: string; name: string },
  ownedElsewhere: (clientId: number) => boolean,
): Uint8Array | null {
  const dec = decoding.createDecoder(update);
  const count = decoding.readVarUint(dec);
  const kept: { clientId: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(dec);
    const clock = decoding.readVarUint(dec);
    const json = decoding.readVarString(dec);
    if (ownedElsewhere(clientId) || json.length > MAX_STATE_CHARS) continue;
    const state = parse(json);
    if (state === undefined) continue;
    kept.push({ clientId, clock, state: JSON.stringify(state === null ? null : { ...state, user: { id: user.id, name: user.name } }) });
  }
  if (kept.length === 0) return null;
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, kept.length);
  for (const k of kept) {
    encoding.writeVarUint(enc, k.clientId);
    encoding.writeVarUint(enc, k.clock);
    encoding.writeVarString(enc, k.state);
  }
  return encoding.toUint8Array(enc);
}

/** A state object, null (the client left), or undefined for anything else. */
function parse(json: string): Record<string, unknown> | null | undefined {
  try {
    const value: unknown = JSON.parse(json);
    if (value === null) return null;
    return typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
