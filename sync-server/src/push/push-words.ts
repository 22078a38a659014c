import type { Notification } from "@inbox/shared/api/content";
import type { PushKind, PushPayload } from "@inbox/shared/api/push";

/**
 * What a push notification says, in the person's language (their `users.locale`). The device
 * shows it while the app is closed, so the words are made here, not by the app; plain text only
 * (the notification API never renders HTML). The PWA's bell says the same things (client
 * notifications/messages.ts).
 */
type Locale = "en" | "pt-BR";

const WORDS: Record<Locale, Record<PushKind | "target_first_response" | "target_next_response" | "target_resolution", string>> = {
  en: {
    offered: "New chat for you: {contact}",
    mention: "{actor} mentioned you on {contact}",
    whisper: "{actor} whispered to you on {contact}",
    assigned: "{actor} assigned you the chat with {contact}",
    hand_raised: "{actor} asks for help on {contact}",
    sla_at_risk: "The chat with {contact} is at risk of breaching its SLA ({actor})",
    sla_breached: "The chat with {contact} breached its SLA ({actor})",
    target_first_response: "First response",
    target_next_response: "Next response",
    target_resolution: "Resolution",
  },
  "pt-BR": {
    offered: "Nova conversa para você: {contact}",
    mention: "{actor} mencionou você em {contact}",
    whisper: "{actor} sussurrou para você em {contact}",
    assigned: "{actor} atribuiu a você a conversa com {contact}",
    hand_raised: "{actor} pede ajuda em {contact}",
    sla_at_risk: "A conversa com {contact} está em risco de violar o SLA ({actor})",
    sla_breached: "A conversa com {contact} violou o SLA ({actor})",
    target_first_response: "Primeira resposta",
    target_next_response: "Próxima resposta",
    target_resolution: "Resolução",
  },
};

const TITLE_CHARS = 200;
const BODY_CHARS = 300;

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");
}

function localeOf(locale: string | null | undefined): Locale {
  return locale === "pt-BR" ? "pt-BR" : "en";
}

function payload(kind: PushKind, conversationId: string, title: string, body: string): PushPayload {
  return {
    kind,
    title: title.slice(0, TITLE_CHARS),
    body: body.slice(0, BODY_CHARS),
    // One notification per chat on the device: a newer push about it replaces the older one.
    tag: `conversation-${conversationId}`.slice(0, 100),
    url: `/?conversation=${encodeURIComponent(conversationId)}`,
    conversationId,
  };
}

/** A notification the person was just given in the app, as a push. */
export function notificationPush(n: Notification & { kind: PushKind }, locale: string | null | undefined): PushPayload {
  const words = WORDS[localeOf(locale)];
  const title = fill(words[n.kind], { actor: n.actorName, contact: n.contactName });
  // SLA alerts carry the target they are about (a key), not someone's words.
  const body = n.kind === "sla_at_risk" || n.kind === "sla_breached" ? (words[`target_${n.excerpt}` as keyof typeof words] ?? n.excerpt) : n.excerpt;
  return payload(n.kind, n.conversationId, title, body);
}

/** A chat routing offered the person: the customer's name, and the latest message's preview. */
export function offerPush(conv: { id: string; contactName: string; lastMessagePreview: string }, locale: string | null | undefined): PushPayload {
  return payload("offered", conv.id, fill(WORDS[localeOf(locale)].offered, { contact: conv.contactName }), conv.lastMessagePreview);
}
