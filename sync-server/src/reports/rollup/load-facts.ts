import { sql, type SQL } from "drizzle-orm";
import type { Reads } from "../../db/record.ts";

/** A chat's facts as a page lists them once (every row of a chat has the same: chat-dims.ts). */
export type PageChat = [conversationId: string, teamId: string, inboxId: string, channel: string, priority: string];

type LastKey = [at: number, conversationId: string, n: number];

/** What a load reads of one kind: each row's values (one JSON array per row) over `rows`, by default the page's facts `p`. */
export interface LoadShape {
  kind: string;
  row: SQL;
  /** A query over `p` for rows that are sums (counts): a page's facts are summed, never two pages'. */
  rows?: SQL;
}

/**
 * Reads a workspace's rows of one kind a page at a time, each page one range of the table's key
 * (workspace, kind, at, conversation, n) handed over as JSON texts: libSQL builds an object per
 * result row (microseconds each), JSON.parse does not. A page lists its chats' team, inbox,
 * channel and priority once instead of on every row, which makes a row's text about a third
 * shorter.
 */
export async function loadPages<R>(core: Reads, workspaceId: string, shape: LoadShape, pageRows: number, take: (rows: R[], chats: PageChat[]) => void): Promise<void> {
  let after: LastKey | null = null;
  for (;;) {
    const [result] = await core.db.values<[string | null, string | null, string | null, number]>(sql`
      WITH p AS MATERIALIZED (
        SELECT * FROM report_facts
        WHERE workspace_id = ${workspaceId} AND kind = ${shape.kind} ${after ? sql`AND (at, conversation_id, n) > (${after[0]}, ${after[1]}, ${after[2]})` : sql``}
        ORDER BY at, conversation_id, n LIMIT ${pageRows})
      SELECT (SELECT json_group_array(json_array(${shape.row})) FROM ${shape.rows ? sql`(${shape.rows})` : sql`p`}),
        (SELECT json_array(at, conversation_id, n) FROM p ORDER BY at DESC, conversation_id DESC, n DESC LIMIT 1),
        (SELECT json_group_array(json_array(conversation_id, team_id, inbox_id, channel, priority)) FROM (SELECT DISTINCT conversation_id, team_id, inbox_id, channel, priority FROM p)),
        (SELECT count(*) FROM p)`);
    if (!result || !result[3]) return;
    // Chats first: the rows name them.
    take(JSON.parse(result[0] ?? "[]") as R[], JSON.parse(result[2] ?? "[]") as PageChat[]);
    if (result[3] < pageRows || !result[1]) return;
    // The page's last key in SQLite's own order (its text comparison is not JavaScript's).
    after = JSON.parse(result[1]) as LastKey;
  }
}
