/**
 * A command's response (assign, resolve, read) is shown at once, before the room echoes it.
 * The response wins only while the live value is still the one we saw when sending; as soon as
 * the room delivers anything newer for that conversation, the room wins again. Conversations
 * carry no version number, so "newer" means "a different object from the room".
 */
import type { Conversation } from "@inbox/shared";

export interface Override {
  conversation: Conversation;
  /** The live value when the command was sent (undefined: the conversation was not live yet). */
  baseline: Conversation | undefined;
}

export function resolveOverride(live: Conversation | undefined, override: Override | undefined): Conversation | undefined {
  if (!override) return live;
  return live === override.baseline ? override.conversation : live;
}

export function applyOverrides(
  list: readonly Conversation[],
  overrides: ReadonlyMap<string, Override>,
): Conversation[] {
  if (overrides.size === 0) return [...list];
  return list.map((c) => resolveOverride(c, overrides.get(c.id)) ?? c);
}
