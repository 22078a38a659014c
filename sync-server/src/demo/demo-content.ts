import { newId } from "@inbox/shared";
import type { Database } from "../db/database.ts";
import { cannedResponses, kbArticles } from "../db/schema.ts";
import { slugify } from "../content/index.ts";

/** Canned responses of the demo workspace; `team` null: every team's agents get it. */
export const DEMO_CANNED = [
  { shortcut: "hello", title: "Greeting", team: null, text: "Hi {{contact.first_name}}, this is {{agent.first_name}} from Acme. How can I help you today?" },
  { shortcut: "thanks", title: "Thanks for waiting", team: null, text: "Thanks for waiting, {{contact.first_name}}! I'm looking into it now." },
  { shortcut: "order-status", title: "Order status", team: "support", text: "Hi {{contact.first_name}}, I've checked your order: it left our warehouse and should arrive within 2 business days." },
  { shortcut: "saudacao", title: "Saudação", team: null, text: "Olá {{contact.first_name}}, aqui é {{agent.first_name}} da Acme. Como posso ajudar?" },
  { shortcut: "aguarde", title: "Aguarde um momento", team: null, text: "Obrigado por aguardar, {{contact.first_name}}! Já estou verificando para você." },
  { shortcut: "quote", title: "Send a quote", team: "sales", text: "Hi {{contact.first_name}}, I'll prepare a quote and send it to {{contact.email}} today." },
] as const;

export const DEMO_ARTICLES = [
  {
    title: "Returns and exchanges",
    body: "You can return or exchange any item within **30 days** of delivery.\n\n- Keep the original packaging\n- Include the receipt or order number\n- Refunds reach your card in 5–7 business days\n\nExchanges for another size ship as soon as we receive the item.",
  },
  {
    title: "Shipping times",
    body: "Orders placed before 2 pm ship the same business day.\n\n- Capitals: 1–2 business days\n- Other cities: 2–5 business days\n\nYou get a tracking link by e-mail as soon as the parcel leaves our warehouse.",
  },
  {
    title: "Resetting your password",
    body: "Use *Forgot password* on the sign-in page. The link we e-mail you is valid for **one hour**.\n\nIf the e-mail does not arrive, check your spam folder or ask us to resend it.",
  },
  {
    title: "Trocas e devoluções",
    body: "Você pode trocar ou devolver qualquer produto em até **30 dias** após a entrega.\n\n- Mantenha a embalagem original\n- Informe o número do pedido\n\nO reembolso aparece no cartão em 5 a 7 dias úteis.",
  },
] as const;

export async function seedDemoContent(db: Database, opts: { workspaceId: string; teamIds: Record<string, string>; authorId: string; at: number }): Promise<void> {
  const { workspaceId, teamIds, authorId, at } = opts;
  await db.batch([
    db.insert(cannedResponses).values(
      DEMO_CANNED.map((c) => ({ id: newId(), workspaceId, shortcut: c.shortcut, title: c.title, text: c.text, teamId: c.team ? teamIds[c.team]! : null, createdBy: authorId, createdAt: at, updatedAt: at })),
    ),
    db.insert(kbArticles).values(
      DEMO_ARTICLES.map((a) => ({ id: newId(), workspaceId, slug: slugify(a.title), title: a.title, body: a.body, published: true, createdBy: authorId, createdAt: at, updatedAt: at })),
    ),
  ]);
}
