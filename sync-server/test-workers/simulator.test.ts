import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { TEAM_CONVERSATIONS, type Conversation } from "@inbox/shared";
import { command, connect, ORIGIN, signIn, teamOfInbox } from "./edge-env.ts";
import { eventually } from "./y-client.ts";

// The demo's channel simulator on the Workers build (ENABLE_SIMULATOR "true" in
// vitest.workers.config.ts): its state lives in SimulatorObject, the seeded WhatsApp inbox
// points at it, and the agent's side is the real Worker (team room socket, commands). Like on
// Node it is for signed-in members of the workspace, and its fake platforms are reached by the
// connectors through the binding only.

interface SimChannel {
  id: string;
  channel: string;
  sample: { externalId: string; name: string };
}
interface SentList {
  status: string | null;
  sent: { to: string | null; kind: string; text: string | null; status: number }[];
}

let admin: string;
async function simApi<T>(path: string, body?: object): Promise<T> {
  const headers = { authorization: `Bearer ${admin}`, "content-type": "application/json" };
  const res = await SELF.fetch(`${ORIGIN}/simulator/api${path}`, body ? { method: "POST", headers, body: JSON.stringify(body) } : { headers });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

let whatsapp: SimChannel;

beforeAll(async () => {
  admin = await signIn();
  const { channels } = await simApi<{ channels: SimChannel[] }>("/channels");
  whatsapp = channels.find((c) => c.channel === "whatsapp")!;
  expect(whatsapp).toBeDefined();
});

describe("the channel simulator on Workers", () => {
  it("serves its page to a signed-in user and tells a signed-out visitor to sign in", async () => {
    const page = await SELF.fetch(`${ORIGIN}/simulator`, { headers: { authorization: `Bearer ${admin}` } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Channel simulator");
    const signedOut = await SELF.fetch(`${ORIGIN}/simulator`);
    expect(signedOut.status).toBe(401);
    expect(await signedOut.text()).toContain("Sign in first");
    const api = await SELF.fetch(`${ORIGIN}/simulator/api/channels`);
    expect(api.status).toBe(401);
    await api.arrayBuffer();
  });

  it("refuses the fake platforms from outside: only connectors reach them, through the binding", async () => {
    const res = await SELF.fetch(`${ORIGIN}/simulator/platform/${whatsapp.id}/v21.0/123/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messaging_product: "whatsapp", to: "5511987650001", type: "text", text: { body: "forged" } }),
    });
    expect(res.status).toBe(404);
    await res.arrayBuffer();
    const { sent } = await simApi<SentList>(`/inboxes/${whatsapp.id}/sent`);
    expect(sent.map((s) => s.text)).not.toContain("forged");
  });

  it("delivers a customer's WhatsApp text to the agents' inbox and lists the agent's reply as sent through the platform", async () => {
    const token = await signIn();
    const agent = await connect(`team.${await teamOfInbox(whatsapp.id)}`, token);
    const list = agent.doc.getMap<Conversation>(TEAM_CONVERSATIONS);
    const customer = { externalId: "5511987650001", name: "Simulated Edge" };
    const text = `Hello from the simulator ${crypto.randomUUID()}`;

    const delivered = await simApi<{ status: number; body: string }>(`/inboxes/${whatsapp.id}/customer`, { customer, action: { kind: "text", text } });
    expect(delivered.status).toBe(200);
    const conversation = await eventually(() => [...list.values()].find((c) => c.lastMessagePreview === text));
    expect(conversation).toMatchObject({ channel: "whatsapp", contactName: "Simulated Edge" });

    const reply = `Thanks, looking into it ${crypto.randomUUID()}`;
    await command(token, [{ type: "reply", clientId: crypto.randomUUID(), conversationId: conversation.id, text: reply }]);
    const sent = await eventually(async () => (await simApi<SentList>(`/inboxes/${whatsapp.id}/sent`)).sent.find((s) => s.text === reply));
    expect(sent).toMatchObject({ to: customer.externalId, kind: "text", status: 200 });
    agent.close();
  });
});
