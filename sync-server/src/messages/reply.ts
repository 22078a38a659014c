import { and, desc, eq, sql } from "drizzle-orm";
import {
  can,
  MAX_TEXT_LENGTH,
  newId,
  headerMediaProblem,
  paramsFor,
  previewOf,
  renderTemplate,
  templateVariables,
  unsendableReason,
  type ChannelType,
  type Conversation,
  type Message,
  type MessageContent,
  type ReasonCode,
  type TemplateSend,
  searchableText,
  reasonFields,
  reasonSentence,
} from "@inbox/shared";
import type { Connector } from "@inbox/connectors";
import type { Caches } from "../db/caches.ts";
import type { RoutingDeps } from "../routing/index.ts";
import { refuseOverChannelLimits, type UploadDeps } from "./uploads.ts";
import { conversations, messages, outbox, users } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError, refused, forbiddenBecause } from "../http/http-error.ts";
import { publish } from "../rooms/publish.ts";
import { conversationForUser } from "../security/conversation-access.ts";
import { eventInsert } from "../db/event-rows.ts";
import { getConversationRow, getInboxRow, toConversation, toMessage, type ConversationRow, type InboxRow, type MessageRow } from "../db/read-model.ts";
import { refuseForeignAttachment } from "../media/media-access.ts";
import { pickupOnReply } from "../routing/index.ts";
import { refuseIfUnreachable } from "../channels/index.ts";
import { humanAgentTagOf, replyWindowHoursOf } from "../channels/index.ts";
import { templateNamed, toTemplate } from "../templates/index.ts";

/** What sending an agent's reply needs. */
export interface ReplyDeps extends RoutingDeps, UploadDeps {
  caches: Pick<Caches, "inboxes">;
  connectors: ReadonlyMap<ChannelType, Connector>;
  /** The reply is handed to the outbox at once. */
  outbox: { kick(): unknown };
}

export interface ReplyResult {
  message: Message;
  conversation: Conversation;
  duplicate: boolean;
}

/** What agents see when the channel cannot take replies (the seed's failure table). */
export const CHANNEL_BLOCKS: Record<string, ReasonCode> = {
  disabled: "channel_disabled",
  token_expired: "channel_expired",
};

/**
 * An agent's reply: stored with its outbox entry and event in one transaction (so it cannot be
 * lost once acknowledged), published live as "queued", then sent by the outbox dispatcher.
 * The client's id makes a retried or replayed command return the same message.
 */
export async function sendAgentReply(
  core: ReplyDeps,
  user: SessionUser,
  conversationId: string,
  input: {
    clientId: string;
    content: MessageContent;
    /** The assignee the agent saw when writing (offline replies): someone else taking the chat since wins. */
    expectedAssigneeId?: string | null;
    /** An approved WhatsApp template and its values: `content` is then ignored, the text is rendered here. */
    template?: TemplateSend;
  },
): Promise<ReplyResult> {
  if (!can(user, "reply")) throw forbiddenBecause("no_permission_reply");
  const conv = await conversationForUser(core, user, conversationId);
  const replied = await core.locks.run(`conversation:${conv.id}`, async () => {
    const existing = await core.db.query.messages.findFirst({
      where: and(eq(messages.inboxId, conv.inboxId), eq(messages.clientId, input.clientId)),
    });
    if (existing) {
      if (existing.conversationId !== conv.id || existing.senderId !== user.id) {
        throw refused(409, "conflict", "message_id_reused");
      }
      const current = await getConversationRow(core.db, conv.id);
      return { message: toMessage(existing), conversation: toConversation(current!), duplicate: true };
    }
    const current = (await getConversationRow(core.db, conv.id)) ?? conv;
    if (input.expectedAssigneeId !== undefined) await refuseIfTakenMeanwhile(core, user, current, input.expectedAssigneeId);
    const inbox = await core.caches.inboxes.getOrLoad(conv.inboxId, () => getInboxRow(core.db, conv.inboxId));
    const blocked = inbox && CHANNEL_BLOCKS[inbox.status];
    if (blocked) throw refused(409, "channel_unavailable", blocked);
    await refuseIfUnreachable(core, current);
    if (input.template) {
      // A template is what the platform allows outside the window: no window check. Its
      // header's file is checked as any attachment is, before the template is.
      const file = attachmentOf(input.content);
      if (file) {
        await refuseForeignAttachment(core, user, conv.id, file);
        await refuseOverChannelLimits(core, current.channel as ChannelType, file);
      }
      input = { ...input, content: await templateContent(core, current, input.template, file) };
    } else {
      // Only the server marks a message as a template (with the text it rendered itself).
      input = { ...input, content: withoutTemplate(input.content) };
      await refuseOutsideWindow(core, current, inbox ?? { channel: current.channel, settings: {} });
      await refuseForeignAttachment(core, user, conv.id, input.content);
      await refuseOverChannelLimits(core, current.channel as ChannelType, input.content);
    }

    const at = core.now();
    const row: MessageRow = {
      id: newId(),
      workspaceId: conv.workspaceId,
      conversationId: conv.id,
      inboxId: conv.inboxId,
      direction: "outbound",
      senderKind: "agent",
      senderId: user.id,
      senderName: user.name,
      content: input.content,
      text: searchableText(input.content),
      status: "queued",
      failureReason: null,
      clientId: input.clientId,
      externalId: null,
      createdAt: at,
      seq: 0, // stamped by the database at commit
      position: 0, // likewise (read back below)
    };
    const base = { workspaceId: conv.workspaceId, conversationId: conv.id, actorKind: "agent" as const, actorId: user.id, at };
    // Replying to an unassigned chat takes it, as agents expect; the event says why.
    const takes = current.assigneeId === null;
    const results = await core.writer.write([
      core.db.insert(messages).values(row),
      core.db.insert(outbox).values({ messageId: row.id, inboxId: conv.inboxId, state: "pending", nextAttemptAt: at, createdAt: at }),
      eventInsert(core, { ...base, type: "message.queued", data: { messageId: row.id, firstResponse: current.firstResponseAt === null } }),
      ...(takes ? [eventInsert(core, { ...base, type: "conversation.assigned", data: { from: null, to: user.id, reason: "replied" } })] : []),
      core.db
        .update(conversations)
        .set({
          lastMessagePreview: previewOf(input.content),
          lastActivityAt: sql`max(${conversations.lastActivityAt}, ${at})`,
          firstResponseAt: sql`coalesce(${conversations.firstResponseAt}, ${at})`,
          unreadCount: 0,
          waitingSince: null,
          ...(takes ? { assigneeId: user.id } : {}),
        })
        .where(eq(conversations.id, conv.id))
        .returning(),
      // The arrival sequence the insert trigger gave the reply (RETURNING cannot see it).
      core.db.select({ position: messages.position }).from(messages).where(eq(messages.id, row.id)),
    ]);
    const updated = (results[results.length - 2] as ConversationRow[])[0]!;
    row.position = (results[results.length - 1] as { position: number }[])[0]?.position ?? 0;
    const result = { message: toMessage(row), conversation: toConversation(updated), duplicate: false };
    publish(core, result.conversation, [result.message]);
    core.outbox.kick();
    return result;
  });
  // Replying to a chat offered to you takes it: the pickup is recorded now (outside the
  // conversation's lock, which recordPickup takes), also for a replayed reply whose first try
  // stopped before this step.
  return pickupOnReply(core, replied, user.id);
}

/**
 * An agent who wrote while the chat was theirs (or nobody's) loses the race if a colleague
 * took it in the meantime: the server decides, and the agent is told who took it.
 */
async function refuseIfTakenMeanwhile(core: ReplyDeps, user: SessionUser, current: ConversationRow, expected: string | null): Promise<void> {
  const now = current.assigneeId;
  if (now === null || now === user.id || now === expected) return;
  const taker = await core.db.query.users.findFirst({ where: eq(users.id, now) });
  throw taker ? refused(409, "conflict", "taken_while_offline", { first: taker.name.split(" ")[0] ?? taker.name }) : refused(409, "conflict", "taken_while_offline_someone");
}

/**
 * Platforms with a messaging window (WhatsApp 24 h; Messenger and Instagram 24 h, or 7 days
 * for a human agent where the inbox's human-agent setting is on) refuse free-form replies after
 * it: say so now, while the agent still has the text, rather than as a failed send later.
 */
async function refuseOutsideWindow(core: ReplyDeps, conv: ConversationRow, inbox: Pick<InboxRow, "channel" | "settings">): Promise<void> {
  const hours = replyWindowHoursOf(core, inbox);
  if (hours === null) return;
  const [last] = await core.db
    .select({ at: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.conversationId, conv.id), eq(messages.direction, "inbound")))
    .orderBy(desc(messages.createdAt))
    .limit(1);
  if (last && core.now() - last.at <= hours * 3600_000) return;
  // Within the human-agent window but with the setting off: say what would allow the reply.
  const tagHours = core.connectors.get(conv.channel as never)?.capabilities.humanAgentWindowHours ?? null;
  const tagWouldAllow = tagHours !== null && !humanAgentTagOf(inbox.settings) && !!last && core.now() - last.at <= tagHours * 3600_000;
  const reason = conv.channel === "whatsapp" ? "window_closed_template" : tagWouldAllow ? "window_closed_tag_off" : "window_closed";
  throw refused(409, "channel_unavailable", reason, { hours: String(hours) });
}

/**
 * An approved template of the conversation's inbox with its values checked, as the message
 * content: the text the customer reads (rendered from the server's copy) and what WhatsApp is sent.
 */
type Attachment = Extract<MessageContent, { kind: "image" | "video" | "file" }>;

/** The file a template command carries for its media header (its content), else null. */
function attachmentOf(content: MessageContent): Attachment | null {
  return content.kind === "image" || content.kind === "video" || content.kind === "file" ? withoutTemplate(content) : null;
}

/** A client's content without what only the server sets: the template mark and its text. */
function withoutTemplate<C extends MessageContent>(content: C): C {
  if (!("template" in content) || !content.template) return content;
  const { template: _template, ...rest } = content;
  // A file's caption exists only as a template's text.
  if (rest.kind === "file") delete (rest as { caption?: string }).caption;
  return rest as C;
}

const NEEDS_FILE = { image: "template_needs_image", video: "template_needs_video", file: "template_needs_document" } as const;

async function templateContent(core: ReplyDeps, conv: ConversationRow, send: TemplateSend, file: Attachment | null): Promise<MessageContent> {
  if (!core.connectors.get(conv.channel as ChannelType)?.templates) {
    throw refused(400, "validation_failed", "templates_whatsapp_only_send");
  }
  const row = await templateNamed(core, conv.inboxId, send.name, send.language);
  if (!row) throw refused(409, "conflict", "template_gone", { name: send.name, language: send.language });
  const template = toTemplate(row);
  const why = unsendableReason(template);
  // WhatsApp's own reason, when it gave one, stays in the English sentence only (it is in English).
  if (why) {
    const params = { name: send.name, language: send.language };
    const sentence = reasonSentence(`template_${why}`, params);
    throw new HttpError(409, "conflict", template.reason ? `${sentence.slice(0, -1)} (${template.reason}).` : sentence, reasonFields(`template_${why}`, params));
  }
  const vars = templateVariables(template);
  if (send.header.length !== vars.header.length || send.body.length !== vars.body.length) {
    throw refused(400, "validation_failed", "template_values", { name: send.name, needed: String(vars.header.length + vars.body.length), given: String(send.header.length + send.body.length) });
  }
  // Named templates need each value's name: taken from the template, in its order.
  const header = paramsFor(vars.header, send.header.map((p) => p.text), template.parameterFormat);
  const body = paramsFor(vars.body, send.body.map((p) => p.text), template.parameterFormat);
  // The header's file must be what the template shows at the top (an image header, an image).
  const media = headerMediaProblem(template, file?.kind ?? null);
  if (media) throw refused(400, "validation_failed", media.problem === "media_unexpected" ? "template_takes_no_file" : NEEDS_FILE[media.wanted], { name: send.name });
  const text = renderTemplate(template, { header, body }).slice(0, MAX_TEXT_LENGTH) || send.name;
  const sent = { name: template.name, language: template.language, header, body };
  // With a media header the message is its file, captioned with the text the customer reads.
  return file ? { ...file, caption: text, template: sent } : { kind: "text", text, template: sent };
}
