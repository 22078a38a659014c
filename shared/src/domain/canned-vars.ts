/**
 * Variables in canned responses: `{{contact.first_name}}`, `{{contact.name}}`,
 * `{{contact.email}}`, `{{agent.name}}`, `{{agent.first_name}}`, `{{inbox.name}}`,
 * `{{conversation.id}}` (spaces inside the braces are fine). Filled on the agent's device when
 * they pick one, and on the server when a routing rule replies automatically.
 *
 * A variable we do not know, or whose value is empty (a contact with no e-mail), stays
 * visible as written, so the agent sees the gap before sending instead of the customer
 * reading "Hello ,". An automatic reply has nobody to see it first: `dropUnknown` removes it.
 */
export interface CannedVars {
  contactName: string;
  contactFirstName: string;
  contactEmail: string;
  agentName: string;
  agentFirstName: string;
  inboxName: string;
  conversationId: string;
}

const VARIABLES: Record<string, keyof CannedVars> = {
  "contact.name": "contactName",
  "contact.first_name": "contactFirstName",
  "contact.email": "contactEmail",
  "agent.name": "agentName",
  "agent.first_name": "agentFirstName",
  "inbox.name": "inboxName",
  "conversation.id": "conversationId",
};

export const CANNED_VARIABLES = Object.keys(VARIABLES).map((v) => `{{${v}}}`);

export function fillCannedVariables(text: string, vars: CannedVars, opts: { dropUnknown?: boolean } = {}): string {
  const filled = text.replace(/\{\{\s*([a-z_]+\.[a-z_]+)\s*\}\}/gi, (whole, name: string) => {
    const key = VARIABLES[name.toLowerCase()];
    const value = key ? vars[key].trim() : "";
    return value || (opts.dropUnknown ? "" : whole);
  });
  // "Hello , thanks" → "Hello, thanks" once a variable is dropped.
  return opts.dropUnknown ? filled.replace(/[ \t]+([,.!?;:])/g, "$1").replace(/[ \t]{2,}/g, " ").trim() : filled;
}

/** "Maria Oliveira" → "Maria"; for building CannedVars from a full name. */
export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? "";
}
