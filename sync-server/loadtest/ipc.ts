import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { z } from "zod";

// What the run and its load processes say to each other over Node's IPC channel. Each side
// checks what it receives: a load process that sends nonsense fails the run loudly.

const AgentSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(["agent", "supervisor"]), teamId: z.string() });
const TeamSchema = z.object({ id: z.string(), inboxes: z.record(z.string(), z.string()), agents: z.array(AgentSchema) });
export const FixtureSchema = z.object({ password: z.string(), teams: z.array(TeamSchema) });

export const ToAgentsSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("connect"), url: z.string(), password: z.string(), agents: z.array(AgentSchema), perSecond: z.number() }),
  /** Deliveries of messages sent from `from` on (epoch ms) count; earlier ones were the warm-up. */
  z.object({ type: z.literal("measure"), from: z.number() }),
  z.object({ type: z.literal("finish") }),
]);
export type ToAgents = z.infer<typeof ToAgentsSchema>;

const CountsSchema = z.record(z.string(), z.number());

export const FromAgentsSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), connected: z.number(), byTeam: z.record(z.string(), z.number()), errors: CountsSchema, connectMs: z.number() }),
  z.object({
    type: z.literal("result"),
    /** Customer message → agent's list room, per (agent, message), HdrHistogram base64 (µs). */
    delivery: z.string(),
    /** Per measured message: how many agents' sockets it reached. */
    reached: z.array(z.tuple([z.number(), z.number()])),
    /** POST /api/commands round trips (replies, reads, resolves). */
    commands: z.string(),
    replies: z.number(),
    resolves: z.number(),
    awareness: z.number(),
    roomsOpened: z.number(),
    errors: CountsSchema,
    cpuMs: z.number(),
    /** p99 of this process's event-loop delay while measuring (its arrivals are stamped that late). */
    loopDelayP99Ms: z.number(),
  }),
]);
export type FromAgents = z.infer<typeof FromAgentsSchema>;

export const CustomerPlanSchema = z.object({
  url: z.string(),
  fixture: FixtureSchema,
  credentials: z.record(z.string(), z.record(z.string(), z.string())),
  customers: z.number(),
});
export type CustomerPlan = z.infer<typeof CustomerPlanSchema>;

export const ToCustomersSchema = z.discriminatedUnion("type", [
  /** Every customer writes once (their chat opens), `perSecond` at most. */
  z.object({ type: z.literal("open"), plan: CustomerPlanSchema, perSecond: z.number() }),
  z.object({ type: z.literal("run"), from: z.number(), ms: z.number(), perSecond: z.number() }),
  z.object({ type: z.literal("finish") }),
]);
export type ToCustomers = z.infer<typeof ToCustomersSchema>;

export const FromCustomersSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("opened"), sent: z.number(), errors: CountsSchema }),
  z.object({ type: z.literal("ran") }),
  z.object({
    type: z.literal("result"),
    /** Measured messages accepted by the server: [seq, team index]. */
    sent: z.array(z.tuple([z.number(), z.number()])),
    /** Webhook POST → acknowledgement, per channel (µs histograms). */
    webhookAck: z.record(z.string(), z.string()),
    /** Every webhook POST → its answer, 200 or 503 (µs histogram). */
    webhookAnswer: z.string(),
    /** 503s (overloaded) in the measured window, by channel; webchat: the widget's "overloaded" error frames. */
    refused: CountsSchema,
    /** Widget socket `send` → `ack`. */
    widgetAck: z.string(),
    /** Agent's reply → the visitor's widget socket. */
    replyToVisitor: z.string(),
    errors: CountsSchema,
    cpuMs: z.number(),
  }),
]);
export type FromCustomers = z.infer<typeof FromCustomersSchema>;

export interface LoadProcess<In, Out> {
  pid: number;
  send(msg: In): void;
  /** The next message that `pick` accepts (rejects if the process exits first). */
  next<T extends Out>(pick: (m: Out) => m is T): Promise<T>;
  stop(): Promise<void>;
}

/** Starts a load process (via tsx) with an IPC channel; its output goes to ours. */
export function startLoadProcess<In, Out>(script: URL, schema: z.ZodType<Out>): LoadProcess<In, Out> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", fileURLToPath(script)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const reap = () => child.kill("SIGKILL");
  process.once("exit", reap);
  const inbox: Out[] = [];
  const waiters: (() => void)[] = [];
  child.on("message", (raw) => {
    inbox.push(schema.parse(raw));
    for (const w of waiters.splice(0)) w();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    pid: child.pid!,
    send: (msg) => void child.send(msg as object),
    async next<T extends Out>(pick: (m: Out) => m is T): Promise<T> {
      for (;;) {
        const i = inbox.findIndex(pick);
        if (i >= 0) return inbox.splice(i, 1)[0] as T;
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${fileURLToPath(script)} exited (${child.exitCode ?? child.signalCode})`);
        await Promise.race([new Promise<void>((r) => waiters.push(r)), exited]);
      }
    },
    async stop() {
      process.off("exit", reap);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}

/** The parent's messages to this load process, checked, one handler at a time in order. */
export function onParentMessage<In>(schema: z.ZodType<In>, handle: (msg: In) => Promise<void>): void {
  let chain = Promise.resolve();
  process.on("message", (raw) => {
    const msg = schema.parse(raw);
    chain = chain.then(() => handle(msg)).catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  });
  process.on("SIGTERM", () => process.exit(0));
}

export function toParent<Out>(msg: Out): void {
  process.send!(msg as object);
}
