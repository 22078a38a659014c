/* No zod here: the PWA's first screen uses these without loading the schemas (issue 17). */

/** The most commands one `POST /api/commands` takes (a device's outbox goes in batches of this size). */
export const MAX_COMMANDS_PER_REQUEST = 200;
