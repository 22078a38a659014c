/**
 * The hand-labelled evaluation sets, for the bench and tests only: kept out of the public
 * insights entry so the client bundle never carries them.
 */
export { DEV_SET } from "./dev-set.ts";
export { DEV_SET_2 } from "./dev-set-2.ts";
export { DEV_SET_3 } from "./dev-set-3.ts";
export { DEV_SET_4 } from "./dev-set-4.ts";
export { TEST_SET } from "./test-set.ts";
export type { LabelledMessage } from "./labelled-message.ts";
