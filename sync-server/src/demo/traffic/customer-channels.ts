import { WidgetMessagesResponseSchema, WidgetSessionResponseSchema, newId } from "@inbox/shared";
import { sendUntilTaken } from "@inbox/shared/protocol/redelivery";
import type { CustomerAction, Simulator } from "../../simulator/index.ts";

/** One simulated customer's line to one inbox: what they send, and whether an agent has answered. */
export interface CustomerLine {
  send(action: CustomerAction): Promise<void>;
  /** Whether an agent's message reached the customer after `since` (the server's clock). */
  agentRepliedSince(since: number): Promise<boolean>;
}

export interface DemoCustomer {
  name: string;
  /** The platform's id for the customer (empty for web chat: the widget session makes one). */
  externalId: string;
}

/**
 * A messaging platform's customer, played through the simulator: each action is a webhook
 * signed with the inbox's credentials and POSTed to the server's real webhook route, so the
 * connector's signature check, parsing and ingest run as for real traffic. What agents send
 * reaches the inbox's fake platform, which is where the customer "reads" it.
 */
export function platformLine(simulator: Simulator, inboxId: string, customer: DemoCustomer): CustomerLine {
  return {
    async send(action) {
      const res = await simulator.customerActs(inboxId, { externalId: customer.externalId, name: customer.name }, action);
      if (res.status >= 300) throw new Error(`the ${inboxId} webhook answered ${res.status}: ${res.body.slice(0, 200)}`);
    },
    async agentRepliedSince(since) {
      // Typing indicators and read marks reach the fake too; they carry no text and are not replies.
      return simulator.sentTo(inboxId).some((s) => s.to === customer.externalId && s.at > since && s.status < 300 && !(s.kind === "text" && s.text === null));
    },
  };
}

/**
 * A web chat visitor, played through the widget's public API over HTTP (as the embedded widget
 * does): a session, POSTed messages, and the history for the agents' answers. The widget sends
 * text only, so other actions are written out as the text a visitor would type.
 */
export async function webchatLine(selfUrl: string, inboxId: string, customer: DemoCustomer): Promise<CustomerLine> {
  const base = `${selfUrl}/api/widget/${encodeURIComponent(inboxId)}`;
  const started = await fetch(`${base}/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: customer.name }) });
  if (started.status !== 201) throw new Error(`the web chat ${inboxId} refused a visitor session: ${started.status} ${(await started.text()).slice(0, 200)}`);
  const { token } = WidgetSessionResponseSchema.parse(await started.json());
  const auth = { authorization: `Bearer ${token}` };
  return {
    async send(action) {
      // As the widget's outbox does: an overloaded server's 503 is waited out and the same clientId sent again.
      const body = JSON.stringify({ clientId: newId(), text: asTyped(action) });
      const res = await sendUntilTaken(() => fetch(`${base}/messages`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body }));
      if (res.status >= 300) throw new Error(`the web chat ${inboxId} refused a message: ${res.status} ${(await res.text()).slice(0, 200)}`);
    },
    async agentRepliedSince(since) {
      const res = await fetch(`${base}/messages`, { headers: auth });
      if (!res.ok) return false;
      const { messages } = WidgetMessagesResponseSchema.parse(await res.json());
      return messages.some((m) => m.from === "agent" && m.createdAt > since);
    },
  };
}

function asTyped(action: CustomerAction): string {
  switch (action.kind) {
    case "text":
      return action.text;
    case "image":
      return action.caption || "(sends a photo)";
    case "voice":
      return "Can you call me instead?";
    case "file":
      return "I'll email you the invoice.";
    case "location":
      return action.name ? `I'm at ${action.name}.` : "I'm at home.";
    case "button":
      return action.title;
    case "block":
      return "Bye.";
  }
}
