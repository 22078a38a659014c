/** The domain's enumerations, in the order menus list them (plain values: no schema loads for them). */
export { CONVERSATION_STATUSES, PRIORITIES } from "@inbox/shared";
