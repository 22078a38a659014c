/** zod/mini twins of what the PWA validates before its first row (issue 17); see schemas.ts. */
export { ApiErrorMini, ListViewMini, MeResponseMini, SavedViewMini } from "./schemas.ts";
