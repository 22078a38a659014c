import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateFromBundle } from "./migrate-bundle.ts";
import { MIGRATIONS } from "./migrations.bundle.ts";

// Migration 0017 on a database that already holds data: files already in messages get their
// owner, applied commands keep answering replays (now per workspace), and articles that existed
// keep their old /kb/<slug> link. New messages place files by trigger.

const dir = mkdtempSync(join(tmpdir(), "migrate-0017-"));
let client: Client;
const KEY = "11111111-2222-3333-4444-555555555555.png";

beforeAll(async () => {
  client = createClient({ url: `file:${join(dir, "db.sqlite")}` });
  await migrateFromBundle(client, MIGRATIONS.filter((m) => m.tag < "0017"));
  const at = 1_700_000_000_000;
  await client.batch([
    `insert into workspaces (id, name, created_at) values ('w1', 'W', ${at})`,
    `insert into teams (id, workspace_id, name) values ('t1', 'w1', 'Support')`,
    `insert into users (id, workspace_id, email, name, role, password_hash, created_at) values ('u1', 'w1', 'a@x', 'A', 'agent', 'x', ${at})`,
    `insert into inboxes (id, workspace_id, name, channel, team_id, settings, created_at) values ('i1', 'w1', 'Site', 'webchat', 't1', '{}', ${at})`,
    `insert into contacts (id, workspace_id, created_at) values ('k1', 'w1', ${at})`,
    `insert into conversations (id, workspace_id, inbox_id, channel, contact_id, contact_name, team_id, labels, last_activity_at, created_at) values ('c1', 'w1', 'i1', 'webchat', 'k1', 'K', 't1', '[]', ${at}, ${at})`,
    `insert into messages (id, workspace_id, conversation_id, inbox_id, direction, sender_kind, sender_name, content, text, status, created_at)
       values ('m1', 'w1', 'c1', 'i1', 'inbound', 'contact', 'K', '{"kind":"image","url":"/media/${KEY}","mimeType":"image/png"}', '', 'received', ${at})`,
    `insert into processed_commands (client_id, user_id, result, at) values ('cmd-1', 'u1', '{"ok":true}', ${at})`,
    `insert into kb_articles (id, workspace_id, slug, title, body, published, created_at, updated_at) values ('a1', 'w1', 'returns', 'Returns', 'x', 1, ${at}, ${at})`,
  ]);
  expect(await migrateFromBundle(client)).toContain("0017_http_auth_media");
});
afterAll(() => {
  client?.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = async (sql: string) => (await client.execute(sql)).rows.map((r) => ({ ...r }));

describe("migration 0017 on existing data", () => {
  it("gives files already in messages their workspace and conversation", async () => {
    expect(await rows(`select key, workspace_id, conversation_id, uploader_id from media`)).toEqual([{ key: KEY, workspace_id: "w1", conversation_id: "c1", uploader_id: null }]);
  });

  it("keeps applied commands, now under their user's workspace", async () => {
    expect(await rows(`select workspace_id, client_id, user_id from processed_commands`)).toEqual([{ workspace_id: "w1", client_id: "cmd-1", user_id: "u1" }]);
  });

  it("marks existing articles as answering their old link, and lets another workspace reuse the slug", async () => {
    expect(await rows(`select slug, legacy_link from kb_articles`)).toEqual([{ slug: "returns", legacy_link: 1 }]);
    await client.batch([
      `insert into workspaces (id, name, created_at) values ('w2', 'W2', 1)`,
      `insert into kb_articles (id, workspace_id, slug, title, body, published, created_at, updated_at) values ('a2', 'w2', 'returns', 'Returns', 'y', 1, 2, 2)`,
    ]);
    await expect(client.execute(`insert into kb_articles (id, workspace_id, slug, title, body, published, created_at, updated_at) values ('a3', 'w2', 'returns', 'R', 'z', 1, 3, 3)`)).rejects.toThrow(/UNIQUE/);
  });

  it("places an uploaded file in the conversation of the first message that carries it", async () => {
    const key = "99999999-2222-3333-4444-555555555555.png";
    await client.batch([
      `insert into media (key, workspace_id, uploader_id, created_at) values ('${key}', 'w1', 'u1', 5)`,
      `insert into messages (id, workspace_id, conversation_id, inbox_id, direction, sender_kind, sender_name, content, text, status, created_at)
         values ('m2', 'w1', 'c1', 'i1', 'outbound', 'agent', 'A', '{"kind":"image","url":"/media/${key}","mimeType":"image/png"}', '', 'queued', 6)`,
      `insert into messages (id, workspace_id, conversation_id, inbox_id, direction, sender_kind, sender_name, content, text, status, created_at)
         values ('m3', 'w1', 'c1', 'i1', 'outbound', 'agent', 'A', '{"kind":"text","text":"no file"}', 'no file', 'queued', 7)`,
    ]);
    expect(await rows(`select conversation_id from media where key = '${key}'`)).toEqual([{ conversation_id: "c1" }]);
  });
});
