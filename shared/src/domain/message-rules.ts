import type { Message, MessageContent } from "./message.ts";

/* No zod here: the PWA's first screen uses these without loading the schemas (issue 17). */

/** Short plain-text line for lists and notifications. */
export function previewOf(content: MessageContent): string {
  switch (content.kind) {
    case "text":
    case "buttons":
    case "quick_replies":
      return content.text.slice(0, 140);
    case "image":
      return content.caption ? `📷 ${content.caption}`.slice(0, 140) : "📷 Image";
    case "audio":
      return content.voice ? "🎤 Voice note" : "🎵 Audio";
    case "video":
      return content.caption ? `🎬 ${content.caption}`.slice(0, 140) : "🎬 Video";
    case "file":
      return content.caption ? `📎 ${content.caption}`.slice(0, 140) : `📎 ${content.filename}`;
    case "location":
      return `📍 ${content.name ?? "Location"}`;
    case "unsupported":
      return `Unsupported message: ${content.description}`;
  }
}

/** A conversation's timeline order: arrival (position); time and id only break ties of legacy rows without one. */
export function inTimelineOrder(a: Pick<Message, "position" | "createdAt" | "id">, b: Pick<Message, "position" | "createdAt" | "id">): number {
  return a.position - b.position || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The searchable words of a message, whatever its kind (stored on the server, indexed on devices). */
export function searchableText(content: MessageContent): string {
  switch (content.kind) {
    case "text":
      return content.text;
    case "buttons":
      return [content.text, ...content.buttons.map((b) => b.title)].join(" ");
    case "quick_replies":
      return [content.text, ...content.replies.map((r) => r.title)].join(" ");
    case "image":
    case "video":
      return content.caption ?? "";
    case "file":
      return content.caption ? `${content.filename} ${content.caption}` : content.filename;
    case "location":
      return [content.name, content.address].filter(Boolean).join(" ");
    case "audio":
      return "";
    case "unsupported":
      return content.description;
  }
}

/**
 * Links customers' answers to the buttons / quick replies offered before them. Platforms deliver
 * a tap as a text message carrying the choice's title (web chat adds its id in `replyTo`), so an
 * answer is the first customer text after an offer that names one of its choices by id, or else
 * by title (case and spacing aside), before the next offer. One rule for the inbox and the widget.
 */
export function linkChoices<T>(
  items: readonly T[],
  read: (item: T) => { fromCustomer: boolean; content: MessageContent },
): { answer: T; offer: T; choiceId: string }[] {
  const links: { answer: T; offer: T; choiceId: string }[] = [];
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase();
  let open: { offer: T; choices: readonly { id: string; title: string }[] } | null = null;
  for (const item of items) {
    const { fromCustomer, content: c } = read(item);
    if (!fromCustomer && (c.kind === "buttons" || c.kind === "quick_replies")) {
      open = { offer: item, choices: c.kind === "buttons" ? c.buttons : c.replies };
      continue;
    }
    if (!open || !fromCustomer || c.kind !== "text") continue;
    // By the tapped choice's id when the channel says it; by the title otherwise (typed, or a platform that sends only the text).
    const byId = c.replyTo ? open.choices.find((x) => x.id === c.replyTo!.choiceId) : undefined;
    const choice = byId ?? open.choices.find((x) => norm(x.title) === norm(c.text));
    if (!choice) continue;
    links.push({ answer: item, offer: open.offer, choiceId: choice.id });
    open = null;
  }
  return links;
}
