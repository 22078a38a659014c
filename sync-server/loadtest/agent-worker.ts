import { monitorEventLoopDelay } from "node:perf_hooks";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { z } from "zod";
import { TEAM_CONVERSATIONS, newId, roomName } from "@inbox/shared";
import { encode, newHistogram, recordMs } from "./histogram.ts";
import { FromAgentsSchema, ToAgentsSchema, onParentMessage, toParent, type FromAgents, type ToAgents } from "./ipc.ts";
import { epochNow, findProbes, replyText } from "./marker.ts";
import { RoomSocket } from "./room-socket.ts";
import { SeqSet } from "./seq-set.ts";

// A load process holding whole teams of agents, each as the PWA does: signed in, its team's list
// room, its own notification room, a supervisor also the team's board, and the conversation it
// works on open (its conversation and work rooms) with its presence in the team room. Agents
// answer the chats routing hands them: open, read, type, reply through /api/commands (the
// outbox's path), every third reply resolve. Each agent's list room times every customer
// message it carries (marker.ts) once.

type AgentPlan = Extract<ToAgents, { type: "connect" }>["agents"][number];

/** Only what the agents act on; the list's rows carry more. */
const RowSchema = z.object({ channel: z.string(), assigneeId: z.string().nullable(), status: z.string(), waitingSince: z.number().nullable().optional() });

interface Agent {
  plan: AgentPlan;
  token: string;
  awareness: awarenessProtocol.Awareness;
  team?: RoomSocket;
  others: RoomSocket[];
  open?: { id: string; rooms: RoomSocket[] };
  seen: SeqSet;
  waiting: Map<string, number>;
  busy: boolean;
  repliesIn: Map<string, number>;
}

const errors: Record<string, number> = {};
const fail = (kind: string) => void (errors[kind] = (errors[kind] ?? 0) + 1);
const delivery = newHistogram();
const commandTimes = newHistogram();
const reached = new Map<number, number>();
let measureFrom = Number.POSITIVE_INFINITY;
let finishing = false;
let url = "";
let cpuAtMeasure = process.cpuUsage();
const counts = { replies: 0, resolves: 0, awareness: 0, roomsOpened: 0 };
const agents = new Map<string, Agent>();
/** This process's own lag: an arrival is stamped late by as much as its event loop is behind. */
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
const teamDocs = new Map<string, Y.Doc>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo);

onParentMessage<ToAgents>(ToAgentsSchema, async (msg) => {
  if (msg.type === "connect") return connectAll(msg);
  if (msg.type === "measure") {
    measureFrom = msg.from;
    cpuAtMeasure = process.cpuUsage();
    loopDelay.enable();
    return;
  }
  finishing = true;
  const cpu = process.cpuUsage(cpuAtMeasure);
  for (const a of agents.values()) for (const s of [a.team, ...a.others, ...(a.open?.rooms ?? [])]) s?.close();
  send({
    type: "result",
    delivery: encode(delivery),
    reached: [...reached],
    commands: encode(commandTimes),
    ...counts,
    errors,
    cpuMs: (cpu.user + cpu.system) / 1000,
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
  });
  setTimeout(() => process.exit(0), 200);
});

function send(msg: FromAgents): void {
  toParent(FromAgentsSchema.parse(msg));
}

async function connectAll(msg: Extract<ToAgents, { type: "connect" }>): Promise<void> {
  url = msg.url;
  const started = performance.now();
  const byTeam: Record<string, number> = {};
  const gap = 1000 / msg.perSecond;
  await Promise.all(
    msg.agents.map(async (plan, i) => {
      await sleep(i * gap);
      try {
        await connect(plan, msg.password);
        byTeam[plan.teamId] = (byTeam[plan.teamId] ?? 0) + 1;
      } catch (err) {
        fail(`connect: ${err instanceof Error ? err.message : String(err)}`);
      }
    }),
  );
  send({ type: "ready", connected: Object.values(byTeam).reduce((a, b) => a + b, 0), byTeam, errors: { ...errors }, connectMs: performance.now() - started });
}

async function connect(plan: AgentPlan, password: string): Promise<void> {
  const res = await within(60_000, () => "sign-in", fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: plan.email, password }) }));
  if (res.status !== 200) throw new Error(`sign-in ${res.status}`);
  const { token } = z.object({ token: z.string() }).parse(await res.json());
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  // The PWA says nothing in a team room until a conversation is open (sync/presence.ts).
  awareness.setLocalState(null);
  const agent: Agent = { plan, token, awareness, others: [], seen: new SeqSet(), waiting: new Map(), busy: false, repliesIn: new Map() };
  agents.set(plan.id, agent);
  awareness.on("update", () => {
    counts.awareness++;
    agent.team?.sendAwareness();
  });
  const ws = `${url.replace(/^http/, "ws")}/sync/`;
  // The first agent of a team in this process keeps the team's list as a document: it tells
  // everyone here which chats are theirs and waiting.
  let doc = teamDocs.get(plan.teamId);
  const keeper = !doc;
  if (!doc) {
    doc = new Y.Doc();
    teamDocs.set(plan.teamId, doc);
    watchTeam(doc);
  }
  const teamDoc = doc;
  agent.team = new RoomSocket(
    ws + roomName({ kind: "team", id: plan.teamId }),
    token,
    {
      update(update, frame) {
        if (keeper) Y.applyUpdate(teamDoc, update);
        const at = epochNow();
        for (const p of findProbes(frame)) {
          if (!agent.seen.add(p.seq) || p.sentAt < measureFrom) continue;
          recordMs(delivery, at - p.sentAt);
          reached.set(p.seq, (reached.get(p.seq) ?? 0) + 1);
        }
      },
      error: fail,
    },
    awareness,
  );
  agent.others.push(new RoomSocket(ws + roomName({ kind: "user", id: plan.id }), token, { error: fail }));
  if (plan.role === "supervisor") {
    // The Supervision screen: the board, reopened whenever the server renews it (board-room.ts).
    const board = () => new RoomSocket(ws + roomName({ kind: "board", id: plan.teamId }), token, { error: fail, renewed: () => agent.others.push(board()) });
    agent.others.push(board());
  }
  const rooms = [agent.team, ...agent.others];
  const synced = new Set<RoomSocket>();
  for (const r of rooms) void r.synced.then(() => synced.add(r), () => undefined);
  await within(60_000, () => `syncing ${rooms.filter((r) => !synced.has(r)).map((r) => r.kind).join(", ")}`, Promise.all(rooms.map((r) => r.synced)));
}

/** `p`, or a failure naming the step that took longer than `ms`. */
function within<T>(ms: number, step: () => string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${step()} took over ${ms / 1000} s`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

function watchTeam(doc: Y.Doc): void {
  const list = doc.getMap(TEAM_CONVERSATIONS);
  list.observe((event) => {
    for (const key of event.keysChanged) {
      const row = RowSchema.safeParse(list.get(key));
      if (!row.success) continue;
      const { assigneeId, status, waitingSince } = row.data;
      const agent = assigneeId ? agents.get(assigneeId) : undefined;
      if (!agent || !waitingSince || status === "resolved" || status === "snoozed") continue;
      agent.waiting.set(key, waitingSince);
      void work(agent, list);
    }
  });
}

/** One conversation at a time, as a person works: open it, read, type, reply; resolve every third reply. */
async function work(agent: Agent, list: Y.Map<unknown>): Promise<void> {
  if (agent.busy) return;
  agent.busy = true;
  try {
    while (!finishing && agent.waiting.size > 0) {
      const [id] = agent.waiting.keys();
      agent.waiting.delete(id!);
      const row = RowSchema.safeParse(list.get(id!));
      if (!row.success || row.data.assigneeId !== agent.plan.id || !row.data.waitingSince) continue;
      if (agent.open?.id !== id) openConversation(agent, id!);
      present(agent, id!, "viewing");
      await commands(agent, row.data.channel, [{ type: "read", clientId: newId(), conversationId: id }]);
      await sleep(between(300, 1200));
      present(agent, id!, "reply");
      await sleep(between(800, 2500));
      if (finishing) break;
      const n = (agent.repliesIn.get(id!) ?? 0) + 1;
      agent.repliesIn.set(id!, n);
      const replied = await commands(agent, row.data.channel, [
        { type: "reply", clientId: newId(), conversationId: id, text: replyText(epochNow(), "Thanks for waiting, I'm checking your order now."), expectedAssigneeId: agent.plan.id },
      ]);
      if (replied) counts.replies++;
      present(agent, id!, "viewing");
      if (n % 3 === 0 && (await commands(agent, row.data.channel, [{ type: "status", clientId: newId(), conversationId: id, status: "resolved" }]))) counts.resolves++;
    }
  } finally {
    agent.busy = false;
  }
}

function openConversation(agent: Agent, id: string): void {
  for (const s of agent.open?.rooms ?? []) s.close();
  const ws = `${url.replace(/^http/, "ws")}/sync/`;
  agent.open = { id, rooms: [new RoomSocket(ws + roomName({ kind: "conv", id }), agent.token, { error: fail }), new RoomSocket(ws + roomName({ kind: "work", id }), agent.token, { error: fail })] };
  counts.roomsOpened += 2;
}

function present(agent: Agent, conversationId: string, activity: "viewing" | "reply"): void {
  agent.awareness.setLocalState({ user: { id: agent.plan.id, name: agent.plan.name }, conversationId, activity });
}

const ResultsSchema = z.object({ results: z.array(z.object({ ok: z.boolean(), code: z.string().optional(), fields: z.record(z.string(), z.string()).optional() })) });

/** POST /api/commands as the PWA's outbox does; true when every command was applied. */
async function commands(agent: Agent, channel: string, list: Record<string, unknown>[]): Promise<boolean> {
  const started = performance.now();
  try {
    const res = await fetch(`${url}/api/commands`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${agent.token}` },
      body: JSON.stringify({ commands: list }),
    });
    recordMs(commandTimes, performance.now() - started);
    if (res.status !== 200) {
      fail(`commands ${res.status}`);
      await res.body?.cancel();
      return false;
    }
    const { results } = ResultsSchema.parse(await res.json());
    const refused = results.filter((r) => !r.ok);
    for (const r of refused) fail(`${list[0]!.type} refused on ${channel}: ${r.code ?? "?"}${r.fields?.reason ? ` (${r.fields.reason})` : ""}`);
    return refused.length === 0;
  } catch (err) {
    fail(`commands: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
}
