import { z } from "zod";

import { ERROR_CODES } from "./error-codes.ts";

export * from "./error-codes.ts";

export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Which fields were wrong, for forms: path → problem. */
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
