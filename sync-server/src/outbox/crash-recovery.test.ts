import { afterAll, describe, expect, it } from "vitest";
import { CommandsResponseSchema, type Command, type Conversation } from "@inbox/shared";
import { startChild, type Child } from "../testing/child-process.ts";

// Exactly once across a crash: the server process is killed (SIGKILL) while a batch of replies
// is in flight, restarted on the same database, and the client replays everything it has not
// seen acknowledged. The customer must get every reply once, in the order written.

interface Info {
  url: string;
  dir: string;
  inboxId: string;
}
const entry = new URL("../testing/server-process.ts", import.meta.url);
const children: Child<Info>[] = [];
afterAll(async () => {
  for (const c of children) await c.stop();
});

async function start(env: Record<string, string> = {}): Promise<Child<Info>> {
  const child = await startChild<Info>(entry, { SEED_PASSWORD: "crash-test-pw", ...env });
  children.push(child);
  return child;
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

describe("crash recovery", () => {
  // Two server processes start and 300 replies go through: near 20 s alone, so more room on a busy machine.
  it("replies replayed after the server was killed mid-batch reach the customer once each, in order", { timeout: 90_000 }, async () => {
    const first = await start();
    const { url, inboxId, dir } = first.info;
    const post = (base: string, path: string, body: unknown, token?: string) =>
      fetch(base + path, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });

    const visitor = await json<{ token: string }>(await post(url, `/api/widget/${inboxId}/sessions`, { name: "Crash Carla" }));
    await json(await post(url, `/api/widget/${inboxId}/messages`, { clientId: "crash-hello-001", text: "hello" }, visitor.token));
    const login = () => post(url, "/api/auth/login", { email: "ana@demo.inbox", password: "crash-test-pw" });
    const { token } = await json<{ token: string }>(await login());
    const list = await json<{ conversations: Conversation[] }>(await fetch(`${url}/api/conversations`, { headers: { authorization: `Bearer ${token}` } }));
    const conv = list.conversations.find((c) => c.contactName === "Crash Carla")!;

    // 300 replies written offline, replayed in batches of 100.
    const replies: Command[] = Array.from({ length: 300 }, (_, i) => ({
      type: "reply",
      clientId: `crash-reply-${String(i).padStart(4, "0")}`,
      conversationId: conv.id,
      text: `reply ${i}`,
    }));
    const batches = [replies.slice(0, 100), replies.slice(100, 200), replies.slice(200)];
    const ack1 = CommandsResponseSchema.parse(await json(await post(url, "/api/commands", { commands: batches[0] }, token)));
    expect(ack1.results.every((r) => r.ok)).toBe(true);

    // The second batch is in flight when the power goes.
    const inFlight = post(url, "/api/commands", { commands: batches[1] }, token).then(
      () => "answered",
      () => "lost",
    );
    await new Promise((r) => setTimeout(r, 15));
    await first.kill();
    const fate = await inFlight;
    // The answer to batch 2 never arrived: the client cannot know how much of it was applied.
    expect(fate).toBe("lost");

    const second = await start({ INBOX_DIR: dir });
    const base = second.info.url;
    const relogin = await json<{ token: string }>(await post(base, "/api/auth/login", { email: "ana@demo.inbox", password: "crash-test-pw" }));
    // The client never saw batch 2 acknowledged: it replays batches 2 and 3 (and, to be safe, 1).
    for (const batch of batches) {
      const res = CommandsResponseSchema.parse(await json(await post(base, "/api/commands", { commands: batch }, relogin.token)));
      expect(res.results.map((r) => r.ok)).toEqual(batch.map(() => true));
    }
    const history = await json<{ messages: { from: string; content: { text: string } }[] }>(
      await fetch(`${base}/api/widget/${inboxId}/messages`, { headers: { authorization: `Bearer ${visitor.token}` } }),
    );
    const agentTexts = history.messages.filter((m) => m.from === "agent").map((m) => m.content.text);
    expect(agentTexts).toEqual(replies.map((_, i) => `reply ${i}`));
  });
});
