import { canSeeTeam } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import type { SessionUser } from "../http/app-env.ts";
import { forbidden, notFound } from "../http/http-error.ts";
import { getConversationRow, type ConversationRow } from "../db/read-model.ts";

/**
 * The conversation, if this user may work on it: same workspace, and for agents a team they
 * belong to. Anything else is refused without saying whether it exists in another workspace.
 */
export async function conversationForUser(core: Reads, user: SessionUser, id: string): Promise<ConversationRow> {
  const row = await getConversationRow(core.db, id);
  if (!row || row.workspaceId !== user.workspaceId) throw notFound("The conversation");
  if (!canSeeTeam(user, row.teamId)) {
    throw forbidden("This conversation belongs to a team you are not in.");
  }
  return row;
}
