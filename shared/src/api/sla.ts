import { z } from "zod";
import { BusinessCalendarSchema } from "../domain/business-hours.ts";
import { SlaPolicyInputSchema, SlaPolicySchema } from "../domain/sla.ts";

/** Settings → Business hours & SLAs: the workspace calendar and its SLA policies. */
export const SlaSettingsResponseSchema = z.object({
  calendar: BusinessCalendarSchema,
  policies: z.array(SlaPolicySchema),
});
export type SlaSettingsResponse = z.infer<typeof SlaSettingsResponseSchema>;

export const BusinessHoursRequestSchema = z.object({ calendar: BusinessCalendarSchema });
export const BusinessHoursResponseSchema = z.object({ calendar: BusinessCalendarSchema });

export const SlaPolicyRequestSchema = z.object({ policy: SlaPolicyInputSchema });
export const SlaPolicyResponseSchema = z.object({ policy: SlaPolicySchema });
export const SlaPolicyDeleteResponseSchema = z.object({ deleted: z.boolean() });
