import { SlaTargetSchema } from "@inbox/shared";
import { t } from "./messages.ts";

/** "First response" for "first_response" (what an SLA notification carries); other text as it is. */
export function slaTargetName(target: string): string {
  const parsed = SlaTargetSchema.safeParse(target);
  return parsed.success ? t(parsed.data) : target;
}
