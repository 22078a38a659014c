/** The webhook status line of a channel, in words, from the platform's view of it. */
import type { ChannelWebhook } from "@inbox/shared";
import { formatLocale } from "../../i18n/time-words.ts";
import { t } from "./webhook-messages.ts";

export interface WebhookLines {
  /** "Webhook: registered at …" / "not registered" / "the platform delivers to …". */
  headline: string;
  /** Pending updates, the platform's last delivery error, and why it is not registered. */
  details: string[];
}

export function webhookLines(view: ChannelWebhook, explicitLocale?: string): WebhookLines {
  const headline = view.registered
    ? t("webhookRegistered", { url: view.url ?? "" })
    : view.url
      ? t("webhookElsewhere", { url: view.url })
      : t("webhookNotRegistered");
  const details: string[] = [];
  if (view.pendingUpdates) details.push(t("webhookPending", { count: view.pendingUpdates }));
  if (view.lastError) {
    const when = view.lastErrorAt === null ? "?" : new Date(view.lastErrorAt).toLocaleString(formatLocale(explicitLocale), { dateStyle: "short", timeStyle: "short" });
    details.push(t("webhookLastError", { when, error: view.lastError }));
  }
  if (view.problem) details.push(view.problem);
  return { headline, details };
}
