/**
 * The customer panel (the right region): the contact's profile and identities, editing it
 * offline, VIP, merging a duplicate contact, this conversation's facts and labels, assignment
 * history, linked tickets, earlier conversations and files.
 */
export { CustomerInfo, preloadCustomerDetails } from "./CustomerInfo.tsx";
