import type { DemoMedia } from "./demo-media.ts";
/** The demo workspace: who works there and what customers have written. */
export const DEMO_USERS = [
  { key: "admin", name: "Alice Admin", email: "admin@demo.inbox", role: "admin", teams: ["support", "sales", "billing"] },
  { key: "supervisor", name: "Sam Supervisor", email: "supervisor@demo.inbox", role: "supervisor", teams: ["support", "sales"] },
  { key: "ana", name: "Ana Souza", email: "ana@demo.inbox", role: "agent", teams: ["support"] },
  { key: "bruno", name: "Bruno Lima", email: "bruno@demo.inbox", role: "agent", teams: ["sales"] },
] as const;

export const DEMO_TEAMS = [
  { key: "support", name: "Support" },
  { key: "sales", name: "Sales" },
  // Sam Supervisor does not lead Billing: the board and the list show supervisors only their teams.
  { key: "billing", name: "Billing" },
] as const;

export const DEMO_INBOXES = [
  { key: "site", name: "Website chat", team: "support", greeting: "Hi! Ask us anything about your order.", color: "#2563eb" },
  { key: "pricing", name: "Pricing chat", team: "sales", greeting: "Questions about plans or pricing?", color: "#16a34a" },
] as const;

/**
 * One inbox per messaging platform, wired to the built-in simulator (`/simulator`) instead of
 * the real platform, with credentials generated at seed time (stored encrypted like real ones).
 */
export const DEMO_CHANNEL_INBOXES = [
  { key: "whatsapp", channel: "whatsapp", name: "WhatsApp", team: "support" },
  { key: "messenger", channel: "messenger", name: "Messenger", team: "support" },
  { key: "instagram", channel: "instagram", name: "Instagram", team: "support" },
  { key: "telegram", channel: "telegram", name: "Telegram", team: "support" },
  { key: "wechat", channel: "wechat", name: "WeChat", team: "sales" },
  { key: "line", channel: "line", name: "LINE", team: "sales" },
] as const;

type InboxKey = (typeof DEMO_INBOXES)[number]["key"] | (typeof DEMO_CHANNEL_INBOXES)[number]["key"];
type UserKey = (typeof DEMO_USERS)[number]["key"];

export interface DemoConversation {
  inbox: InboxKey;
  /** `externalId`: the customer's id on a platform channel (web chat visitors get one at start). */
  contact: { name: string; email?: string; externalId?: string };
  minutesAgo: number;
  /** `media`: the customer sends a real photo (the text is its caption), voice note or PDF (demo-media.ts). */
  lines: { from: "customer" | UserKey; text: string; media?: DemoMedia }[];
  assignee?: UserKey;
  status?: "open" | "pending" | "resolved";
}

export const DEMO_CONVERSATIONS: DemoConversation[] = [
  {
    inbox: "site",
    contact: { name: "Maria Oliveira", email: "maria@example.com" },
    minutesAgo: 5,
    lines: [
      { from: "customer", text: "Hi, my order #1043 hasn't arrived yet. Can you check?" },
      { from: "customer", text: "It was supposed to come on Monday." },
    ],
  },
  {
    inbox: "site",
    contact: { name: "João Pereira", email: "joao@example.com" },
    minutesAgo: 42,
    assignee: "ana",
    lines: [
      { from: "customer", text: "Olá! Vocês entregam em Campinas?" },
      { from: "ana", text: "Olá João! Sim, entregamos em Campinas em 2 a 3 dias úteis." },
      { from: "customer", text: "Ótimo, obrigado!" },
    ],
  },
  {
    inbox: "site",
    contact: { name: "Chen Wei" },
    minutesAgo: 180,
    assignee: "ana",
    status: "resolved",
    lines: [
      { from: "customer", text: "How do I reset my password?" },
      { from: "ana", text: "Use 'Forgot password' on the sign-in page; the link is valid for one hour." },
      { from: "customer", text: "Worked, thanks." },
    ],
  },
  {
    inbox: "whatsapp",
    contact: { name: "Carlos Mendes", externalId: "5511987654321" },
    minutesAgo: 25,
    lines: [
      { from: "customer", text: "Bom dia! Posso trocar o tamanho do tênis que comprei?" },
      { from: "customer", text: "Comprei 41 mas preciso de 42." },
      { from: "customer", text: "A caixa chegou assim, mas o tênis está novo.", media: "photo" },
      { from: "customer", text: "", media: "voice" },
      { from: "customer", text: "", media: "invoice" },
    ],
  },
  {
    inbox: "telegram",
    contact: { name: "Yuki Tanaka", externalId: "735912046" },
    minutesAgo: 70,
    lines: [{ from: "customer", text: "Hi, is the green backpack back in stock?" }],
  },
  {
    inbox: "pricing",
    contact: { name: "Priya Nair", email: "priya@example.org" },
    minutesAgo: 15,
    lines: [{ from: "customer", text: "Do you offer discounts for non-profits?" }],
  },
  {
    inbox: "pricing",
    contact: { name: "Lucas Martin", email: "lucas@example.net" },
    minutesAgo: 90,
    assignee: "bruno",
    status: "pending",
    lines: [
      { from: "customer", text: "Can I switch from the monthly to the yearly plan mid-cycle?" },
      { from: "bruno", text: "Yes — we prorate the remaining days. Shall I send you a quote?" },
    ],
  },
  // The same person as Maria Oliveira (web chat), known on WhatsApp by another name: a duplicate to merge.
  {
    inbox: "whatsapp",
    contact: { name: "M. Oliveira", externalId: "5511955501043" },
    minutesAgo: 600,
    status: "resolved",
    lines: [{ from: "customer", text: "Oi, sou a Maria do pedido #1043. Mudei de endereço." }],
  },
];
