import type { MessageContent } from "@inbox/shared";
import type { ConnectorContext, Credentials, OutboundMessage, SendResult } from "../src/connector.ts";
import { formatForPlatform } from "../src/formatting.ts";
import { HUMAN_AGENT_WINDOW_MS, INSTAGRAM_LIMITS, RESPONSE_WINDOW_MS, instagramCapabilities } from "./config.ts";
import { classifyGraphFailure, graphErrorOf, graphRequest, type SendFailure } from "./graph.ts";

/**
 * Send API for Instagram: `POST /me/messages` with the account's token (`me` is the Page for a
 * Page token and the Instagram account for an Instagram Login token).
 * Body `{"recipient":{"id":IGSID},"messaging_type":…,"message":{…}}`; answer
 * `{"recipient_id":IGSID,"message_id":MID}`.
 * https://developers.facebook.com/docs/messenger-platform/instagram/features/send-message
 */
export async function sendMessage(message: OutboundMessage, credentials: Credentials, ctx: ConnectorContext): Promise<SendResult> {
  const window = messagingWindow(message.lastInboundAt, ctx.now(), message.humanAgentWindow === true);
  if (!window) {
    return {
      ok: false,
      kind: "window_closed",
      reason:
        message.lastInboundAt === null
          ? "Instagram only lets the customer start a conversation; this customer has not written to the account yet."
          : message.humanAgentWindow === true
            ? "More than 7 days have passed since the customer's last message, so Instagram no longer accepts replies. Wait for the customer to write again."
            : "More than 24 hours have passed since the customer's last message. Instagram allows a later reply (up to 7 days) only with the Human Agent tag, which is off for this channel: an admin can turn it on in Settings → Channels if the Meta app has the Human Agent permission. Otherwise wait for the customer to write again.",
    };
  }
  const plan = planMessage(message);
  if ("ok" in plan) return plan;

  const first = await post(plan.message, message.recipient, window, credentials, ctx);
  if (!first.ok) return first;
  // Instagram attachments carry no caption: it follows as its own text message. The attachment is
  // already delivered, so a failed caption must not make the outbox send the attachment again.
  if (plan.followUp) await post(plan.followUp, message.recipient, window, credentials, ctx);
  return first;
}

type Window = { messaging_type: "RESPONSE" } | { messaging_type: "MESSAGE_TAG"; tag: "HUMAN_AGENT" };

/**
 * 24 h standard window; then the HUMAN_AGENT tag (the only tag Instagram accepts) up to 7 days,
 * where the inbox may use it (Meta grants the permission per app: an admin's setting).
 */
export function messagingWindow(lastInboundAt: number | null, now: number, humanAgent: boolean): Window | null {
  if (lastInboundAt === null) return null;
  const age = now - lastInboundAt;
  if (age <= RESPONSE_WINDOW_MS) return { messaging_type: "RESPONSE" };
  if (humanAgent && age <= HUMAN_AGENT_WINDOW_MS) return { messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" };
  return null;
}

type IgMessage = Record<string, unknown>;
type Plan = { message: IgMessage; followUp?: IgMessage };

/** Canonical content → Instagram `message` object, or why it cannot be sent (checked before calling Meta). */
export function planMessage(message: OutboundMessage): Plan | SendFailure {
  const content = message.content;
  switch (content.kind) {
    case "text":
      return textPlan(formatForPlatform(content.text, instagramCapabilities.formatting));
    case "image":
    case "video":
      return mediaPlan(message, content, content.caption);
    case "audio":
    case "file":
      return mediaPlan(message, content, undefined);
    case "location": {
      // Instagram has no location messages: a map link reaches the customer instead.
      const lines = [`📍 ${content.name ?? "Location"}`, content.address, `https://maps.google.com/?q=${content.latitude},${content.longitude}`];
      return textPlan(lines.filter(Boolean).join("\n"));
    }
    case "buttons":
      return choicesPlan(formatForPlatform(content.text, instagramCapabilities.formatting), content.buttons, "buttons");
    case "quick_replies":
      return choicesPlan(formatForPlatform(content.text, instagramCapabilities.formatting), content.replies, "quick_replies");
    case "unsupported":
      return rejected("This kind of message cannot be sent on Instagram.");
  }
}

function textPlan(text: string): Plan | SendFailure {
  const length = [...text].length;
  if (length > INSTAGRAM_LIMITS.textLength) {
    return rejected(`The message is ${length} characters long; Instagram accepts at most ${INSTAGRAM_LIMITS.textLength}. Shorten it or split it.`);
  }
  return { message: { text } };
}

type MediaContent = Extract<MessageContent, { kind: "image" | "audio" | "video" | "file" }>;

function mediaPlan(message: OutboundMessage, content: MediaContent, caption: string | undefined): Plan | SendFailure {
  const limits = instagramCapabilities.media[content.kind]!;
  const url = message.mediaUrl ?? (/^https?:\/\//i.test(content.url) ? content.url : undefined);
  if (!url) return rejected("Instagram fetches attachments from a public link, and this file has none.");
  const size = message.media?.bytes.byteLength;
  if (size !== undefined && size > limits.maxBytes) {
    return rejected(`The ${content.kind} is ${(size / 1048576).toFixed(1)} MB; Instagram accepts at most ${limits.maxBytes / 1048576} MB.`);
  }
  const mimeType = (message.media?.mimeType || content.mimeType || "").split(";")[0]!.trim().toLowerCase();
  if (mimeType && mimeType !== "application/octet-stream" && !limits.mimeTypes.includes(mimeType)) {
    return rejected(`Instagram can't send ${mimeType} as ${content.kind === "file" ? "a file (only PDF documents)" : `${content.kind}`}. Accepted: ${limits.mimeTypes.join(", ")}.`);
  }
  const plan: Plan = { message: { attachment: { type: content.kind, payload: { url } } } };
  const text = caption ? formatForPlatform(caption, instagramCapabilities.formatting).trim() : "";
  if (text) plan.followUp = { text: [...text].slice(0, INSTAGRAM_LIMITS.textLength).join("") };
  return plan;
}

type Choice = { id: string; title: string };

/**
 * Buttons: a generic template card (title ≤ 80 characters, ≤ 3 postback buttons). When the text or
 * the number of choices does not fit, quick replies (≤ 13, tapped answers come back as text);
 * beyond that a numbered list the customer answers by typing.
 */
function choicesPlan(text: string, choices: Choice[], kind: "buttons" | "quick_replies"): Plan | SendFailure {
  const textLength = [...text].length;
  if (kind === "buttons" && choices.length <= INSTAGRAM_LIMITS.buttons && textLength <= INSTAGRAM_LIMITS.templateTitleLength) {
    return {
      message: {
        attachment: {
          type: "template",
          payload: {
            template_type: "generic",
            elements: [
              {
                title: text,
                buttons: choices.map((c) => ({ type: "postback", title: truncate(c.title, INSTAGRAM_LIMITS.buttonTitleLength), payload: truncate(c.id, INSTAGRAM_LIMITS.payloadLength) })),
              },
            ],
          },
        },
      },
    };
  }
  if (choices.length <= INSTAGRAM_LIMITS.quickReplies && textLength <= INSTAGRAM_LIMITS.textLength) {
    return {
      message: {
        text,
        quick_replies: choices.map((c) => ({ content_type: "text", title: truncate(c.title, INSTAGRAM_LIMITS.quickReplyTitleLength), payload: truncate(c.id, INSTAGRAM_LIMITS.payloadLength) })),
      },
    };
  }
  return textPlan(`${text}\n\n${choices.map((c, i) => `${i + 1}. ${c.title}`).join("\n")}`);
}

async function post(igMessage: IgMessage, recipient: string, window: Window, credentials: Credentials, ctx: ConnectorContext): Promise<SendResult> {
  let res;
  try {
    res = await graphRequest(ctx, credentials, "POST", "/me/messages", { json: { recipient: { id: recipient }, ...window, message: igMessage } });
  } catch (err) {
    return { ok: false, kind: "retry", reason: `Could not reach Instagram (${err instanceof Error ? err.message : String(err)}); the message will be retried.` };
  }
  if (res.status >= 200 && res.status < 300 && !graphErrorOf(res.body)) {
    const id = (res.body as { message_id?: unknown } | null)?.message_id;
    return { ok: true, externalId: typeof id === "string" ? id : null, delivered: false };
  }
  return classifyGraphFailure(res);
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join("") + "…";
}

function rejected(reason: string): SendFailure {
  return { ok: false, kind: "rejected", reason };
}
