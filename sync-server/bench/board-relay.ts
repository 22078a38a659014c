import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { TEAM_CONVERSATIONS } from "@inbox/shared";
import { encodeUpdate } from "../src/rooms/y-messages.ts";
import { startChild, type Child } from "../src/testing/child-process.ts";
import type { BoardEvent } from "./board-adapter.ts";
import { runStream, type StreamRun } from "./board-stream.ts";

const LISTENERS = new URL("./listeners.ts", import.meta.url);

/**
 * The baselines of section (h), on bare-relay.ts: a sender socket writes the same kind of change
 * (one conversation entry of `template`'s shape, in a map of `entries`) and the same y-websocket
 * client sees it, at the same rate and with as many other sockets listening. With `commit`, the
 * sender first commits one row to a libSQL file, as anything that records before relaying must.
 */
export async function relayBaseline(
  relayUrl: string,
  o: { entries: number; template: object; listeners: number; count: number; perSecond: number; commit: boolean },
): Promise<StreamRun> {
  const dir = mkdtempSync(join(tmpdir(), "inbox-relay-commit-"));
  const db = createClient({ url: `file:${join(dir, "baseline.db")}` });
  await db.execute("pragma journal_mode = wal");
  await db.execute("create table events (id integer primary key, data text not null, at integer not null)");
  let listeners: Child<unknown> | null = null;
  const sender = await openSocket(relayUrl);
  const board = new Y.Doc();
  const provider = new WebsocketProvider(relayUrl, "board", board, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true });
  try {
    await until(() => provider.wsconnected);
    const source = new Y.Doc();
    const map = source.getMap<object>(TEAM_CONVERSATIONS);
    // Keys of this run only: the relay's one document keeps an earlier run's entries, and a key
    // written again would reach this fresh client as an update it cannot apply without them.
    const run = Math.random().toString(36).slice(2, 8);
    const ids = Array.from({ length: o.entries }, (_, i) => `${run}-c${i}`);
    source.transact(() => {
      for (const id of ids) map.set(id, { ...o.template, id, lastMessagePreview: "start" });
    });
    sender.send(encodeUpdate(Y.encodeStateAsUpdate(source)));
    await until(() => board.getMap(TEAM_CONVERSATIONS).size >= o.entries);
    // The listeners join once the map is there: they stand for the agents an update fans out to,
    // and a megabyte-sized first state sent to a hundred sockets only slowed the set-up down.
    listeners = await openListeners(Array.from({ length: o.listeners }, () => ({ url: relayUrl })));
    let n = 0;
    const busy = new Set<string>();
    const next = () => {
      let id: string;
      do id = ids[Math.floor(Math.random() * ids.length)]!;
      while (busy.has(id));
      busy.add(id);
      const text = `Relay ${++n}`;
      const event: BoardEvent = { kind: "message", conversationId: id, text };
      const send = async () => {
        if (o.commit) await db.execute({ sql: "insert into events (data, at) values (?, ?)", args: [JSON.stringify(event), Date.now()] });
        const before = Y.encodeStateVector(source);
        map.set(id, { ...o.template, id, lastMessagePreview: text });
        sender.send(encodeUpdate(Y.encodeStateAsUpdate(source, before)));
      };
      return { event, send, done: () => busy.delete(id) };
    };
    const visible = (doc: Y.Doc, e: BoardEvent) => e.kind === "message" && (doc.getMap(TEAM_CONVERSATIONS).get(e.conversationId) as { lastMessagePreview?: string } | undefined)?.lastMessagePreview === e.text;
    await runStream(board, visible, next, Math.min(30, o.count), o.perSecond); // warm-up
    return await runStream(board, visible, next, o.count, o.perSecond);
  } finally {
    provider.destroy();
    await listeners?.stop();
    sender.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

/** Sockets that stand for the agents' devices, in a process of their own (listeners.ts). */
export function openListeners(targets: { url: string; token?: string }[]): Promise<Child<unknown>> {
  return startChild(LISTENERS, { LISTENERS: JSON.stringify(targets) });
}

export async function until(probe: () => boolean, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error("timed out waiting for the bench's setup");
    await new Promise((r) => setTimeout(r, 20));
  }
}
