import { SLA_TARGETS } from "@inbox/shared";
import * as z from "zod/mini";
import type { Notification } from "@inbox/shared/api/content";
import { t } from "./messages.ts";

/** zod/mini: the bell draws with the inbox's first screen, before classic zod has loaded (issue 17). */
const SlaTargetSchema = z.enum(SLA_TARGETS);

function targetName(key: string): string {
  const target = SlaTargetSchema.safeParse(key);
  return target.success ? t(`target_${target.data}`) : key;
}

/** What a notification says, in the bell and on the desktop: its line, and the words under it. */
export function notificationText(n: Pick<Notification, "kind" | "actorName" | "contactName" | "excerpt">): { title: string; body: string } {
  const vars = { actor: n.actorName, contact: n.contactName };
  // SLA alerts carry the target they are about (a key), not someone's words.
  if (n.kind === "sla_at_risk" || n.kind === "sla_breached") return { title: t(`kind_${n.kind}`, vars), body: targetName(n.excerpt) };
  return { title: t(n.kind === "mention" ? "mentioned" : `kind_${n.kind}`, vars), body: n.excerpt };
}

/** The desktop alert's title: a mention keeps its short form ("Ana mentioned you"). */
export function alertTitle(n: Pick<Notification, "kind" | "actorName" | "contactName" | "excerpt">): string {
  return n.kind === "mention" ? t("mentionTitle", { actor: n.actorName }) : notificationText(n).title;
}
