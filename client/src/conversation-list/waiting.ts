/** How long a customer has waited for a reply, in the list row's few characters ("waiting 12 min"). */
import { t } from "./messages.ts";

const MINUTE = 60_000;

export function waitingWords(since: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - since) / MINUTE);
  if (minutes < 1) return t("waitingJustNow");
  if (minutes < 60) return t("waitingMinutes", { n: minutes });
  // Hours up to two days: "waiting 30 h" reads better than "waiting 1 d" for a day and a half.
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t("waitingHours", { n: hours });
  return t("waitingDays", { n: Math.floor(hours / 24) });
}
