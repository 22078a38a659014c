import { BUILT_IN_PERMISSIONS } from "@inbox/shared";
import { sha256Hex } from "../auth/index.ts";
import { WHO, WHO_LABEL, type AccessFixture, type SignedIn, type Who } from "./access-fixture.ts";

/**
 * Who may do what: one row per HTTP route of the app, per room kind and per command type, with
 * the outcome for every kind of caller. `access-matrix.test.ts` checks every cell against a real
 * server and fails when a route, room or command has no row; `docs/SECURITY.md` shows the table
 * rendered by `renderMatrix` (the test fails while the page is stale).
 *
 * - `allowed`: the request is carried out (2xx, or one of the row's `alsoAllowed` statuses,
 *   which the server gives only after access was granted).
 * - `denied`: 401 when signed out; 403 or 404 otherwise (404 where saying "exists" would leak).
 * - `scoped`: answered, but without anything of the Support team (the target).
 */
export type Outcome = "allowed" | "denied" | "scoped";
export type Expect = Record<Who, Outcome>;

export interface Req {
  method: string;
  path: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

export interface RouteRow {
  /** `METHOD /path` exactly as registered, e.g. `GET /api/conversations/:id`. */
  route: string;
  expect: Expect;
  request(fx: AccessFixture, who: Who): Promise<Req> | Req;
  /** Statuses that still mean "allowed": the server refused for a reason after access passed. */
  alsoAllowed?: number[];
  /** For `scoped` cells: text the answer must not contain (a Support resource's id). */
  secret?(fx: AccessFixture): string;
  /** Who may, in words, when the table alone would mislead. */
  note?: string;
  /** Statuses that also mean "denied" (a form's refusal in words, e.g. another workspace's team). */
  alsoDenied?: number[];
  /** The request ends the caller's session: send it with a session of its own. */
  ownSession?: boolean;
}

/** Routes whose guard is not a session: checked by their own test in the matrix suite. */
export interface GuardRow {
  route: string;
  guard: string;
}

const all = (o: Outcome): Expect => Object.fromEntries(WHO.map((w) => [w, o])) as Expect;
const signedIn = (o: Outcome): Expect => ({ ...all(o), signedOut: "denied" });

/** Anyone signed in, on their own things. */
export const EVERYONE = signedIn("allowed");
/** The team's conversation: its agents, supervisors and admins. */
export const TEAM: Expect = { ...signedIn("allowed"), assignedOnly: "denied", otherTeam: "denied", otherWorkspace: "denied" };
/** The team itself (its channels, its offers), not its conversations: every member, whatever their role's view of chats. */
export const TEAM_MEMBERS: Expect = { ...TEAM, assignedOnly: "allowed" };
/** A list everyone may ask for, each seeing only what they may. */
export const LIST: Expect = { ...signedIn("allowed"), assignedOnly: "scoped", otherTeam: "scoped", otherWorkspace: "scoped" };
/** A list of the team's things (channels, people): every member sees them. */
export const MEMBERS_LIST: Expect = { ...LIST, assignedOnly: "allowed" };
/** Workspace content editors: supervisors and admins of the workspace. */
export const EDITORS: Expect = { ...signedIn("denied"), admin: "allowed", supervisor: "allowed" };
/** Editors creating in their own workspace (another workspace's admin creates in theirs). */
export const EDITORS_CREATE: Expect = { ...EDITORS, otherWorkspace: "allowed" };
export const ADMINS: Expect = { ...signedIn("denied"), admin: "allowed" };
export const ADMINS_CREATE: Expect = { ...ADMINS, otherWorkspace: "allowed" };
/** Something only its owner (the agent of the team) may touch. */
export const OWNER: Expect = { ...signedIn("denied"), agent: "allowed" };
export const PUBLIC = all("allowed");
/** Supervision (issue 12): supervisors and admins, on their workspace's teams they oversee. */
export const SUPERVISING: Expect = { ...signedIn("denied"), admin: "allowed", supervisor: "allowed" };

const conv = (fx: AccessFixture) => fx.conversationId;
const fresh = async (fx: AccessFixture) => (await fx.freshConversation()).conversationId;
const secretConv = (fx: AccessFixture) => fx.conversationId;
const uid = () => crypto.randomUUID();
/** A routing rule that names nothing of a workspace, so any admin may save it in theirs. */
const matrixRule = () => ({ name: `Matrix ${uid().slice(0, 6)}`, triggers: ["customer_message"], conditions: [{ type: "text_contains", values: ["matrix-only"] }], actions: [{ type: "set_priority", priority: "low" }] });
/** A custom role anyone who manages people may make (it grants nothing beyond an agent's). */
const matrixRole = () => ({ name: `Matrix role ${uid().slice(0, 6)}`, base: "agent", permissions: { ...BUILT_IN_PERMISSIONS.agent, conversations: "assigned" } });
/** A role of the Support team's workspace, made by its admin. */
const freshRole = async (fx: AccessFixture) => {
  const res = await fx.server.api("/api/admin/roles", { method: "POST", token: fx.tokens.admin, json: matrixRole() });
  return ((await res.json()) as { role: { id: string } }).role.id;
};
/** A rule of the Support team's workspace, saved by its admin. */
const freshRule = async (fx: AccessFixture) => {
  const res = await fx.server.api("/api/admin/routing-rules", { method: "POST", token: fx.tokens.admin, json: matrixRule() });
  return ((await res.json()) as { rule: { id: string } }).rule.id;
};

export const ROUTES: RouteRow[] = [
  // ---------- sign-in and the caller's own settings ----------
  {
    route: "POST /api/auth/login",
    expect: PUBLIC,
    // An unknown address: wrong passwords for a real one would lock it for the rows after this.
    request: () => ({ method: "POST", path: "/api/auth/login", json: { email: `nobody-${uid().slice(0, 8)}@demo.inbox`, password: "wrong password" } }),
    alsoAllowed: [401],
    note: "anyone may try; throttled per account and per address",
  },
  { route: "POST /api/auth/logout", expect: EVERYONE, request: () => ({ method: "POST", path: "/api/auth/logout" }), ownSession: true },
  { route: "GET /api/me", expect: EVERYONE, request: () => ({ method: "GET", path: "/api/me" }) },
  { route: "PUT /api/me/preferences", expect: EVERYONE, request: () => ({ method: "PUT", path: "/api/me/preferences", json: { locale: "en" } }) },
  { route: "PUT /api/me/availability", expect: EVERYONE, request: () => ({ method: "PUT", path: "/api/me/availability", json: { availability: "available" } }) },
  { route: "GET /api/me/today", expect: EVERYONE, request: () => ({ method: "GET", path: "/api/me/today" }) },
  { route: "GET /api/me/notifications", expect: EVERYONE, request: () => ({ method: "GET", path: "/api/me/notifications" }) },
  { route: "POST /api/me/notifications/read", expect: EVERYONE, request: () => ({ method: "POST", path: "/api/me/notifications/read", json: {} }) },
  { route: "GET /api/me/views", expect: LIST, request: () => ({ method: "GET", path: "/api/me/views" }), secret: () => "View " },
  {
    route: "POST /api/me/views",
    expect: EVERYONE,
    request: () => ({ method: "POST", path: "/api/me/views", json: { name: `Mine ${uid().slice(0, 6)}`, view: { tab: "mine" } } }),
  },
  {
    route: "PATCH /api/me/views/:id",
    expect: OWNER,
    request: async (fx) => ({ method: "PATCH", path: `/api/me/views/${await fx.freshView()}`, json: { name: `Renamed ${uid().slice(0, 6)}` } }),
  },
  { route: "DELETE /api/me/views/:id", expect: OWNER, request: async (fx) => ({ method: "DELETE", path: `/api/me/views/${await fx.freshView()}` }) },

  // ---------- one's own account (issue 13: account security, the profile) ----------
  {
    route: "POST /api/auth/login/2fa",
    expect: PUBLIC,
    request: () => ({ method: "POST", path: "/api/auth/login/2fa", json: { challenge: uid() + uid(), code: "123456" } }),
    alsoAllowed: [401],
    note: "anyone may try a challenge; five wrong codes end it, the account backs off",
  },
  { route: "GET /api/me/profile", expect: EVERYONE, request: () => ({ method: "GET", path: "/api/me/profile" }) },
  { route: "PATCH /api/me/profile", expect: EVERYONE, request: () => ({ method: "PATCH", path: "/api/me/profile", json: { notificationChoices: { mention: true } } }) },
  {
    route: "POST /api/me/password",
    expect: EVERYONE,
    // A new password the schema refuses: a real change would end the fixture's sessions.
    request: () => ({ method: "POST", path: "/api/me/password", json: { currentPassword: "x", newPassword: "short" } }),
    alsoAllowed: [400],
    note: "one's own, with the current password",
  },
  { route: "POST /api/me/two-factor/setup", expect: EVERYONE, request: () => ({ method: "POST", path: "/api/me/two-factor/setup" }) },
  {
    route: "POST /api/me/two-factor/enable",
    expect: EVERYONE,
    request: () => ({ method: "POST", path: "/api/me/two-factor/enable", json: { setupToken: "expired", code: "123456" } }),
    alsoAllowed: [400],
  },
  { route: "POST /api/me/two-factor/disable", expect: EVERYONE, request: () => ({ method: "POST", path: "/api/me/two-factor/disable", json: { code: "123456" } }), alsoAllowed: [409], note: "needs a current code" },
  {
    route: "POST /api/me/two-factor/recovery-codes",
    expect: EVERYONE,
    request: () => ({ method: "POST", path: "/api/me/two-factor/recovery-codes", json: { code: "123456" } }),
    alsoAllowed: [409],
    note: "needs a current code",
  },
  { route: "GET /api/me/sessions", expect: EVERYONE, request: () => ({ method: "GET", path: "/api/me/sessions" }), note: "one's own sessions only" },
  {
    route: "DELETE /api/me/sessions/:id",
    expect: EVERYONE,
    // Another session of the caller's own, named as the devices list names it.
    request: async (fx, who) => ({ method: "DELETE", path: `/api/me/sessions/${who === "signedOut" ? "0000000000000000" : (await sha256Hex(await fx.freshToken(who))).slice(0, 16)}` }),
    note: "one's own devices; another person's answers 404",
  },
  {
    route: "POST /api/me/sessions/sign-out-others",
    expect: EVERYONE,
    // It ends every other session of the caller, the fixture's too: the caller continues on a fresh one.
    request: async (fx, who) => {
      if (who !== "signedOut") fx.tokens[who] = await fx.freshToken(who);
      return { method: "POST", path: "/api/me/sessions/sign-out-others" };
    },
  },
  // ---------- Web Push (issue 16): one's own devices ----------
  { route: "GET /api/push/key", expect: EVERYONE, request: () => ({ method: "GET", path: "/api/push/key" }), note: "the server's public key only" },
  {
    route: "POST /api/push/subscribe",
    expect: EVERYONE,
    // A push service the server does not send to: refused in words after access passed (a real one would be called).
    request: () => ({ method: "POST", path: "/api/push/subscribe", json: { endpoint: "https://push.example.com/x", keys: { p256dh: "B".repeat(87), auth: "A".repeat(22) } } }),
    alsoAllowed: [400],
    note: "this device, for oneself; browsers' push services only",
  },
  {
    route: "POST /api/push/unsubscribe",
    expect: EVERYONE,
    request: () => ({ method: "POST", path: "/api/push/unsubscribe", json: { endpoint: "https://fcm.googleapis.com/fcm/send/nobody" } }),
    note: "one's own devices; another person's address changes nothing",
  },
  { route: "GET /api/admin/security", expect: ADMINS_CREATE, request: () => ({ method: "GET", path: "/api/admin/security" }), note: "the admin's own workspace's" },
  {
    route: "PUT /api/admin/security",
    expect: ADMINS_CREATE,
    request: () => ({ method: "PUT", path: "/api/admin/security", json: { require2fa: "none", sessionHours: null } }),
    note: "the admin's own workspace's; requiring it of admins needs the admin's own second factor",
  },

  // ---------- conversations ----------
  { route: "GET /api/conversations", expect: LIST, request: () => ({ method: "GET", path: "/api/conversations" }), secret: secretConv },
  { route: "GET /api/conversations/:id", expect: TEAM, request: (fx) => ({ method: "GET", path: `/api/conversations/${conv(fx)}` }) },
  { route: "GET /api/conversations/:id/messages", expect: TEAM, request: (fx) => ({ method: "GET", path: `/api/conversations/${conv(fx)}/messages` }) },
  {
    route: "POST /api/conversations/:id/messages",
    expect: TEAM,
    request: async (fx) => ({ method: "POST", path: `/api/conversations/${await fresh(fx)}/messages`, json: { clientId: uid(), text: "Hello from the matrix" } }),
  },
  {
    route: "POST /api/conversations/:id/typing",
    expect: TEAM,
    request: (fx) => ({ method: "POST", path: `/api/conversations/${conv(fx)}/typing`, json: { typing: false } }),
    note: "a passing signal to the web chat visitor's widget (other channels: nothing relayed)",
  },
  { route: "POST /api/conversations/:id/read", expect: TEAM, request: (fx) => ({ method: "POST", path: `/api/conversations/${conv(fx)}/read` }) },
  {
    route: "POST /api/conversations/:id/assign",
    expect: TEAM,
    request: async (fx, who) => ({ method: "POST", path: `/api/conversations/${await fresh(fx)}/assign`, json: { assigneeId: selfId(fx, who) } }),
    note: "to oneself; to a colleague or away from one: supervisors and admins",
  },
  {
    route: "POST /api/conversations/:id/status",
    expect: TEAM,
    request: async (fx) => ({ method: "POST", path: `/api/conversations/${await fresh(fx)}/status`, json: { status: "resolved" } }),
  },
  {
    route: "POST /api/conversations/:id/priority",
    expect: TEAM,
    request: async (fx) => ({ method: "POST", path: `/api/conversations/${await fresh(fx)}/priority`, json: { priority: "high" } }),
  },
  {
    route: "POST /api/conversations/:id/pickup",
    expect: TEAM_MEMBERS,
    request: async (fx, who) => ({ method: "POST", path: `/api/conversations/${await fx.freshOffer(selfId(fx, who))}/pickup` }),
    note: "a chat offered to the caller; someone else's offer: 403",
  },
  { route: "GET /api/conversations/:id/events", expect: TEAM, request: (fx) => ({ method: "GET", path: `/api/conversations/${conv(fx)}/events` }) },
  {
    route: "GET /api/conversations/:id/similar",
    expect: TEAM,
    request: (fx) => ({ method: "GET", path: `/api/conversations/${conv(fx)}/similar` }),
    note: "only resolved conversations the caller may see",
  },
  {
    route: "GET /api/conversations/:id/templates",
    expect: TEAM,
    request: (fx) => ({ method: "GET", path: `/api/conversations/${conv(fx)}/templates` }),
    note: "the approved WhatsApp templates of the chat's inbox (none for other channels)",
  },
  { route: "GET /api/conversations/:id/tickets", expect: TEAM, request: (fx) => ({ method: "GET", path: `/api/conversations/${conv(fx)}/tickets` }) },
  {
    route: "POST /api/conversations/:id/tickets",
    expect: TEAM,
    request: (fx) => ({ method: "POST", path: `/api/conversations/${conv(fx)}/tickets`, json: { title: "Bug 12", url: "https://tickets.example/12" } }),
  },
  {
    route: "DELETE /api/conversations/:id/tickets/:ticketId",
    expect: TEAM,
    request: async (fx) => ({ method: "DELETE", path: `/api/conversations/${conv(fx)}/tickets/${await fx.freshTicket(conv(fx))}` }),
  },
  {
    route: "POST /api/messages/:id/retry",
    expect: TEAM,
    request: async (fx) => ({ method: "POST", path: `/api/messages/${await fx.freshFailedReply()}/retry` }),
  },
  { route: "GET /api/sync/pull", expect: LIST, request: () => ({ method: "GET", path: "/api/sync/pull?limit=2000" }), secret: secretConv },
  {
    route: "POST /api/commands",
    expect: EVERYONE,
    request: async (fx) => ({ method: "POST", path: "/api/commands", json: { commands: [{ clientId: uid(), conversationId: await fresh(fx), type: "read" }] } }),
    note: "each command is authorised on its own: see Commands below",
  },

  // ---------- contacts ----------
  { route: "GET /api/contacts", expect: LIST, request: () => ({ method: "GET", path: "/api/contacts?q=Maria" }), secret: (fx) => fx.contactId },
  { route: "GET /api/contacts/:id", expect: TEAM, request: (fx) => ({ method: "GET", path: `/api/contacts/${fx.contactId}` }) },
  {
    route: "PATCH /api/contacts/:id",
    expect: TEAM,
    request: async (fx) => ({ method: "PATCH", path: `/api/contacts/${(await fx.freshConversation()).contactId}`, json: { company: "Acme" } }),
  },
  {
    route: "POST /api/contacts/:id/merge",
    expect: TEAM,
    request: async (fx) => {
      const [kept, dup] = await Promise.all([fx.freshConversation(), fx.freshConversation()]);
      return { method: "POST", path: `/api/contacts/${kept.contactId}/merge`, json: { duplicateId: dup.contactId } };
    },
  },
  { route: "GET /api/contacts/:id/attachments", expect: TEAM, request: (fx) => ({ method: "GET", path: `/api/contacts/${fx.contactId}/attachments` }) },
  // ---------- customers' data rights and retention (issue 13): mayExportData, mayEraseContacts, mayManageRetention ----------
  {
    route: "GET /api/contacts/:id/export",
    expect: ADMINS,
    request: (fx) => ({ method: "GET", path: `/api/contacts/${fx.contactId}/export` }),
    note: "the contact's zip archive; audited; another workspace's contact is not found",
  },
  {
    route: "POST /api/contacts/:id/erase",
    expect: ADMINS,
    request: async (fx) => {
      const { contactId } = await fx.freshConversation();
      const row = await fx.server.core.db.query.contacts.findFirst({ where: (c, { eq }) => eq(c.id, contactId) });
      return { method: "POST", path: `/api/contacts/${contactId}/erase`, json: { confirm: row!.name } };
    },
    note: "with the contact's name typed to confirm; audited with counts",
  },
  { route: "GET /api/admin/retention", expect: ADMINS_CREATE, request: () => ({ method: "GET", path: "/api/admin/retention" }), note: "the admin's own workspace's policy" },
  { route: "PUT /api/admin/retention", expect: ADMINS_CREATE, request: () => ({ method: "PUT", path: "/api/admin/retention", json: { retentionDays: null } }) },
  { route: "POST /api/admin/retention/dry-run", expect: ADMINS_CREATE, request: () => ({ method: "POST", path: "/api/admin/retention/dry-run", json: { retentionDays: 3650 } }) },
  {
    route: "POST /api/admin/retention/run",
    expect: ADMINS_CREATE,
    request: () => ({ method: "POST", path: "/api/admin/retention/run" }),
    alsoAllowed: [409],
    note: "with the policy off: 409 in words after access is granted",
  },

  // ---------- the workspace: people, inboxes, uploads ----------
  { route: "GET /api/inboxes", expect: MEMBERS_LIST, request: () => ({ method: "GET", path: "/api/inboxes" }), secret: (fx) => fx.inbox.id },
  {
    route: "GET /api/users",
    expect: { ...MEMBERS_LIST, otherTeam: "allowed" },
    request: () => ({ method: "GET", path: "/api/users" }),
    secret: (fx) => fx.userIds.agent,
    note: "the workspace's people (for assigning and @mentions)",
  },
  { route: "GET /api/inboxes/:id/capabilities", expect: TEAM_MEMBERS, request: (fx) => ({ method: "GET", path: `/api/inboxes/${fx.inbox.id}/capabilities` }) },
  {
    route: "POST /api/uploads",
    expect: TEAM,
    request: (fx) => ({
      method: "POST",
      path: `/api/uploads?conversationId=${conv(fx)}&filename=note.txt`,
      body: "hello",
      headers: { "content-type": "text/plain" },
    }),
  },

  // ---------- workspace content ----------
  { route: "GET /api/canned-responses", expect: EVERYONE, request: () => ({ method: "GET", path: "/api/canned-responses" }) },
  {
    route: "POST /api/admin/canned-responses",
    expect: EDITORS_CREATE,
    request: () => ({ method: "POST", path: "/api/admin/canned-responses", json: { shortcut: `s${uid().slice(0, 8)}`, title: "Hi", text: "Hello!", teamId: null } }),
  },
  {
    route: "PUT /api/admin/canned-responses/:id",
    expect: EDITORS,
    request: async (fx) => ({
      method: "PUT",
      path: `/api/admin/canned-responses/${await fx.freshCanned()}`,
      json: { shortcut: `s${uid().slice(0, 8)}`, title: "Hi", text: "Hello again", teamId: null },
    }),
  },
  { route: "DELETE /api/admin/canned-responses/:id", expect: EDITORS, request: async (fx) => ({ method: "DELETE", path: `/api/admin/canned-responses/${await fx.freshCanned()}` }) },
  { route: "GET /api/kb/articles", expect: EVERYONE, request: () => ({ method: "GET", path: "/api/kb/articles" }) },
  {
    route: "POST /api/admin/kb/articles",
    expect: EDITORS_CREATE,
    request: () => ({ method: "POST", path: "/api/admin/kb/articles", json: { title: `Returns ${uid().slice(0, 6)}`, body: "How to return.", published: true } }),
  },
  {
    route: "PUT /api/admin/kb/articles/:id",
    expect: EDITORS,
    request: async (fx) => ({ method: "PUT", path: `/api/admin/kb/articles/${await fx.freshArticle()}`, json: { title: "Changed", body: "Changed body.", published: false } }),
  },
  { route: "DELETE /api/admin/kb/articles/:id", expect: EDITORS, request: async (fx) => ({ method: "DELETE", path: `/api/admin/kb/articles/${await fx.freshArticle()}` }) },

  // ---------- business hours and SLA policies (issue 12) ----------
  { route: "GET /api/admin/sla", expect: ADMINS_CREATE, request: () => ({ method: "GET", path: "/api/admin/sla" }) },
  {
    route: "PUT /api/admin/business-hours",
    expect: ADMINS_CREATE,
    request: () => ({
      method: "PUT",
      path: "/api/admin/business-hours",
      json: { calendar: { timezone: "UTC", hours: { mon: [{ start: "09:00", end: "18:00" }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] } },
    }),
  },
  {
    route: "POST /api/admin/sla-policies",
    expect: ADMINS_CREATE,
    // A second run finds the low-priority slot taken: refused in words after access passed.
    alsoAllowed: [409],
    request: () => ({
      method: "POST",
      path: "/api/admin/sla-policies",
      json: { policy: { name: `Low ${uid().slice(0, 6)}`, inboxId: null, priority: "low", firstResponseMinutes: 600, nextResponseMinutes: null, resolutionMinutes: null, businessHours: true, atRisk: { unit: "percent", value: 20 } } },
    }),
  },
  {
    route: "PUT /api/admin/sla-policies/:id",
    expect: ADMINS,
    alsoAllowed: [404],
    note: "an admin of the workspace; another workspace's policy is not found",
    request: () => ({
      method: "PUT",
      path: `/api/admin/sla-policies/${uid()}`,
      json: { policy: { name: "Changed", inboxId: null, priority: null, firstResponseMinutes: 60, nextResponseMinutes: null, resolutionMinutes: null, businessHours: false, atRisk: { unit: "minutes", value: 5 } } },
    }),
  },
  { route: "DELETE /api/admin/sla-policies/:id", expect: ADMINS, alsoAllowed: [404], request: () => ({ method: "DELETE", path: `/api/admin/sla-policies/${uid()}` }) },
  // ---------- routing rules (issue 13) ----------
  { route: "GET /api/admin/routing-rules", expect: ADMINS_CREATE, request: () => ({ method: "GET", path: "/api/admin/routing-rules" }), note: "the admin's own workspace's rules" },
  { route: "POST /api/admin/routing-rules", expect: ADMINS_CREATE, request: () => ({ method: "POST", path: "/api/admin/routing-rules", json: matrixRule() }) },
  {
    route: "POST /api/admin/routing-rules/test",
    expect: { ...ADMINS, otherWorkspace: "denied" },
    request: (fx) => ({ method: "POST", path: "/api/admin/routing-rules/test", json: { sample: { channel: "webchat", inboxId: fx.inbox.id, text: "refund" } } }),
    alsoDenied: [400],
    note: "a sample in one of the admin's own inboxes (another workspace's inbox: 400 in words); changes nothing",
  },
  {
    route: "POST /api/admin/routing-rules/order",
    expect: ADMINS_CREATE,
    request: () => ({ method: "POST", path: "/api/admin/routing-rules/order", json: { ids: [] } }),
    // The matrix's own rules exist by then: an order naming none of them is refused after access passed.
    alsoAllowed: [409],
    note: "the admin's own workspace's rules, all of them",
  },
  { route: "PUT /api/admin/routing-rules/:id", expect: ADMINS, request: async (fx) => ({ method: "PUT", path: `/api/admin/routing-rules/${await freshRule(fx)}`, json: matrixRule() }), note: "another workspace's rule is not found" },
  { route: "POST /api/admin/routing-rules/:id/enabled", expect: ADMINS, request: async (fx) => ({ method: "POST", path: `/api/admin/routing-rules/${await freshRule(fx)}/enabled`, json: { enabled: false } }) },
  { route: "DELETE /api/admin/routing-rules/:id", expect: ADMINS, request: async (fx) => ({ method: "DELETE", path: `/api/admin/routing-rules/${await freshRule(fx)}` }) },

  // ---------- people, invitations and teams (issue 13) ----------
  { route: "GET /api/admin/roles", expect: { ...ADMINS, otherWorkspace: "scoped" }, request: () => ({ method: "GET", path: "/api/admin/roles" }), secret: (fx) => fx.assignedOnlyRoleId },
  { route: "POST /api/admin/roles", expect: ADMINS_CREATE, request: () => ({ method: "POST", path: "/api/admin/roles", json: matrixRole() }), note: "holders of a custom role with \"manage people and roles\" too" },
  {
    route: "PUT /api/admin/roles/:id",
    expect: ADMINS,
    request: async (fx) => ({ method: "PUT", path: `/api/admin/roles/${await freshRole(fx)}`, json: matrixRole() }),
    note: "another workspace's role is not found",
  },
  { route: "DELETE /api/admin/roles/:id", expect: ADMINS, request: async (fx) => ({ method: "DELETE", path: `/api/admin/roles/${await freshRole(fx)}` }) },
  { route: "GET /api/admin/people", expect: { ...ADMINS, otherWorkspace: "scoped" }, request: () => ({ method: "GET", path: "/api/admin/people" }), secret: (fx) => fx.userIds.agent },
  {
    route: "PATCH /api/admin/people/:id",
    expect: ADMINS,
    request: (fx) => ({ method: "PATCH", path: `/api/admin/people/${fx.userIds.agent}`, json: { languages: ["pt-BR", "en"] } }),
    note: "another workspace's admin is told the person does not exist (404)",
  },
  { route: "POST /api/admin/people/:id/active", expect: ADMINS, request: (fx) => ({ method: "POST", path: `/api/admin/people/${fx.userIds.agent}/active`, json: { active: true } }) },
  {
    route: "POST /api/admin/invitations",
    expect: ADMINS_CREATE,
    request: () => ({ method: "POST", path: "/api/admin/invitations", json: { email: `invitee-${uid().slice(0, 8)}@example.com`, role: "agent", teamIds: [] } }),
  },
  { route: "POST /api/admin/invitations/:id/resend", expect: ADMINS, alsoAllowed: [404], request: () => ({ method: "POST", path: `/api/admin/invitations/${uid()}/resend` }) },
  { route: "POST /api/admin/invitations/:id/revoke", expect: ADMINS, alsoAllowed: [404], request: () => ({ method: "POST", path: `/api/admin/invitations/${uid()}/revoke` }) },
  { route: "POST /api/admin/teams", expect: ADMINS_CREATE, request: () => ({ method: "POST", path: "/api/admin/teams", json: { name: `Team ${uid().slice(0, 8)}` } }) },
  { route: "PATCH /api/admin/teams/:id", expect: ADMINS, request: (fx) => ({ method: "PATCH", path: `/api/admin/teams/${fx.supportTeamId}`, json: { archived: false } }) },
  {
    route: "POST /api/invitations/preview",
    expect: PUBLIC,
    alsoAllowed: [410],
    request: () => ({ method: "POST", path: "/api/invitations/preview", json: { token: `not-a-real-token-${uid()}` } }),
    note: "the link's token is the credential: a wrong one is told the link is no longer valid",
  },
  {
    route: "POST /api/invitations/accept",
    expect: PUBLIC,
    alsoAllowed: [410],
    request: () => ({ method: "POST", path: "/api/invitations/accept", json: { token: `not-a-real-token-${uid()}`, name: "Someone", password: "a long enough password" } }),
  },

  // ---------- the audit log (issue 13) ----------
  {
    route: "GET /api/admin/audit",
    expect: { ...ADMINS, otherWorkspace: "scoped" },
    request: () => ({ method: "GET", path: "/api/admin/audit?limit=200" }),
    secret: (fx) => fx.userIds.admin,
    note: "the admin's own workspace's entries",
  },
  {
    route: "GET /api/admin/audit/export",
    expect: { ...ADMINS, otherWorkspace: "scoped" },
    request: () => ({ method: "GET", path: "/api/admin/audit/export?format=jsonl" }),
    secret: (fx) => fx.userIds.admin,
    note: "the admin's own workspace's entries; the export is audited",
  },
  { route: "GET /api/admin/audit/verify", expect: ADMINS_CREATE, request: () => ({ method: "GET", path: "/api/admin/audit/verify" }), note: "the admin's own workspace's chain" },

  // ---------- AI assistance (issue 15): settings with configureAI, tools for who may reply in the chat ----------
  { route: "GET /api/admin/ai", expect: ADMINS_CREATE, request: () => ({ method: "GET", path: "/api/admin/ai" }), note: "configure AI (admins, or a custom role with it): the own workspace's settings, never the key" },
  {
    route: "PUT /api/admin/ai",
    expect: ADMINS_CREATE,
    request: () => ({ method: "PUT", path: "/api/admin/ai", json: { enabled: false, provider: "openai-compatible", baseUrl: "", model: "", redact: true } }),
    note: "configure AI: the own workspace's; audited before/after, the key redacted",
  },
  { route: "POST /api/admin/ai/test", expect: ADMINS_CREATE, request: () => ({ method: "POST", path: "/api/admin/ai/test" }), note: "configure AI: the own workspace's saved provider" },
  { route: "GET /api/ai/status", expect: EVERYONE, request: () => ({ method: "GET", path: "/api/ai/status" }), note: "whether the composer's tools are on in one's own workspace" },
  ...(["rewrite", "translate-draft", "translate-message", "summarise", "draft-reply"] as const).map(
    (tool): RouteRow => ({
      route: `POST /api/ai/${tool}`,
      expect: TEAM,
      request: (fx) => ({ method: "POST", path: `/api/ai/${tool}`, json: { conversationId: conv(fx), text: "Hello from the matrix", style: "formal", messageId: uid() } }),
      alsoAllowed: [409],
      note: "may reply, on a chat they may work on; 409 while the workspace has AI off (the matrix's)",
    }),
  ),

  // ---------- reports (issue 14) ----------
  {
    route: "GET /api/reports",
    expect: { ...LIST, agent: "allowed" },
    request: () => ({ method: "GET", path: "/api/reports?preset=last7" }),
    // The Support agent's replies are in the seed: their row is what the admin and supervisor see.
    secret: (fx) => fx.userIds.agent,
    note: "with view reports: the chats their role sees (admins all, supervisors their teams); everyone else: only their own numbers",
  },
  {
    route: "GET /api/reports/conversations",
    expect: { ...TEAM, assignedOnly: "scoped" },
    request: (fx) => ({ method: "GET", path: `/api/reports/conversations?preset=last7&metric=messages.received&team=${fx.supportTeamId}` }),
    secret: secretConv,
    note: "asked for the Support team: a team outside the caller's view is refused in words; without view reports only the facts counted for oneself",
  },
  {
    route: "GET /api/reports/export.csv",
    expect: { ...signedIn("denied"), admin: "allowed", supervisor: "allowed", agent: "allowed" },
    request: (fx) => ({ method: "GET", path: `/api/reports/export.csv?preset=last7&table=agents&agent=${fx.userIds.agent}` }),
    note: "asked for the Support agent's numbers: theirs, their supervisor's and admins'; anyone else is refused in words",
  },

  // ---------- channel administration ----------
  { route: "GET /api/admin/inboxes", expect: { ...ADMINS, otherWorkspace: "scoped" }, request: () => ({ method: "GET", path: "/api/admin/inboxes" }), secret: (fx) => fx.inbox.id },
  {
    route: "POST /api/admin/inboxes",
    expect: { ...ADMINS, otherWorkspace: "denied" },
    request: (fx) => ({
      method: "POST",
      path: "/api/admin/inboxes",
      json: { name: `Chat ${uid().slice(0, 6)}`, channel: "webchat", teamId: fx.supportTeamId, credentials: {} },
    }),
    alsoDenied: [400],
    note: "into one of the admin's own teams (another workspace's team: 400 in words); a Meta account another workspace holds with the same app secret: 409 in words, that workspace unnamed",
  },
  {
    route: "POST /api/admin/inboxes/:id/reconnect",
    expect: ADMINS,
    request: (fx) => ({ method: "POST", path: `/api/admin/inboxes/${fx.inbox.id}/reconnect`, json: { credentials: {} } }),
    alsoAllowed: [400],
    note: "a web chat has no credentials to renew (400 after access is granted); a Meta account another workspace holds with the same app secret: 409 in words, that workspace unnamed",
  },
  { route: "POST /api/admin/inboxes/:id/enabled", expect: ADMINS, request: (fx) => ({ method: "POST", path: `/api/admin/inboxes/${fx.inbox.id}/enabled`, json: { enabled: true } }) },
  {
    route: "POST /api/admin/inboxes/:id/human-agent",
    expect: ADMINS,
    request: (fx) => ({ method: "POST", path: `/api/admin/inboxes/${fx.inbox.id}/human-agent`, json: { enabled: false } }),
    alsoAllowed: [400],
    note: "Messenger and Instagram only (a web chat: 400 in words after access is granted)",
  },
  {
    route: "GET /api/admin/inboxes/:id/webhook",
    expect: ADMINS,
    request: (fx) => ({ method: "GET", path: `/api/admin/inboxes/${fx.inbox.id}/webhook` }),
    note: "the platform's view of the channel's webhook (a web chat's says it has none)",
  },
  {
    route: "POST /api/admin/inboxes/:id/webhook",
    expect: ADMINS,
    request: (fx) => ({ method: "POST", path: `/api/admin/inboxes/${fx.inbox.id}/webhook` }),
    alsoAllowed: [409],
    note: "register again; a disabled channel is refused in words (409 after access is granted)",
  },
  {
    route: "GET /api/admin/inboxes/:id/templates",
    expect: ADMINS,
    request: (fx) => ({ method: "GET", path: `/api/admin/inboxes/${fx.inbox.id}/templates` }),
    note: "every WhatsApp template of the channel with its status (a web chat has none)",
  },
  {
    route: "POST /api/admin/inboxes/:id/templates/sync",
    expect: ADMINS,
    request: (fx) => ({ method: "POST", path: `/api/admin/inboxes/${fx.inbox.id}/templates/sync`, json: {} }),
    alsoAllowed: [400],
    note: "WhatsApp only (a web chat: 400 in words after access is granted)",
  },
  {
    route: "POST /api/admin/inboxes/:id/widget",
    expect: ADMINS,
    request: (fx) => ({
      method: "POST",
      path: `/api/admin/inboxes/${fx.inbox.id}/widget`,
      json: { color: "#2563eb", greeting: "Hi!", greetings: {}, position: "bottom-right", avatar: null, teamName: "", leaveMessage: false },
    }),
    note: "the web chat widget's appearance (audited)",
  },
  { route: "POST /api/admin/inboxes/:id/routing", expect: ADMINS, request: (fx) => ({ method: "POST", path: `/api/admin/inboxes/${fx.inbox.id}/routing`, json: { mode: "manual" } }) },

  // ---------- the demo's channel simulator (only when the demo is turned on) ----------
  { route: "GET /simulator", expect: EVERYONE, request: () => ({ method: "GET", path: "/simulator" }), note: "the page; signed out: a page saying to sign in (401)" },
  {
    route: "GET /simulator/api/channels",
    expect: MEMBERS_LIST,
    request: () => ({ method: "GET", path: "/simulator/api/channels" }),
    secret: (fx) => fx.simulatedInboxId,
    note: "the simulated inboxes of the caller's teams",
  },
  {
    route: "POST /simulator/api/inboxes/:id/customer",
    expect: TEAM_MEMBERS,
    request: (fx) => ({
      method: "POST",
      path: `/simulator/api/inboxes/${fx.simulatedInboxId}/customer`,
      json: { customer: { externalId: `55119${Math.floor(Math.random() * 1e8)}`, name: "Matrix Maria" }, action: { kind: "text", text: "Hi from the matrix" } },
    }),
  },
  {
    route: "POST /simulator/api/inboxes/:id/failure",
    expect: TEAM_MEMBERS,
    request: (fx) => ({ method: "POST", path: `/simulator/api/inboxes/${fx.simulatedInboxId}/failure`, json: { failure: "none" } }),
  },
  { route: "GET /simulator/api/inboxes/:id/sent", expect: TEAM_MEMBERS, request: (fx) => ({ method: "GET", path: `/simulator/api/inboxes/${fx.simulatedInboxId}/sent` }) },
  // ---------- supervision (issue 12): intervening ----------
  {
    route: "GET /api/assignees/load",
    expect: { ...SUPERVISING, otherWorkspace: "scoped" },
    request: () => ({ method: "GET", path: "/api/assignees/load" }),
    secret: (fx) => fx.userIds.agent,
    note: "people of the teams the caller oversees, with their load",
  },
];

function selfId(fx: AccessFixture, who: Who): string | null {
  return who === "signedOut" ? null : fx.userIds[who as SignedIn];
}

/** Routes guarded by something other than a session, each with its own check in the suite. */
export const GUARDED: GuardRow[] = [
  { route: "GET /api/widget/:inboxId/config", guard: "public: the web chat's name, greetings, colour, position, picture and whether it is live or takes messages" },
  { route: "POST /api/widget/:inboxId/sessions", guard: "public, rate-limited per address: starts a visitor session" },
  { route: "GET /api/widget/:inboxId/messages", guard: "the visitor's token: only their own session's messages" },
  { route: "POST /api/widget/:inboxId/messages", guard: "the visitor's token, rate-limited per visitor" },
  { route: "POST /api/widget/:inboxId/leave-message", guard: "public, rate-limited per address: a message left when the chat is closed; once per clientId" },
  { route: "POST /api/widget/:inboxId/email", guard: "the visitor's token, rate-limited per visitor: their own contact's email" },
  { route: "POST /api/widget/:inboxId/live-tickets", guard: "the visitor's token: a one-minute ticket for their live socket" },
  { route: "GET /api/widget/:inboxId/live", guard: "a short-lived ticket for the visitor (not the token); limited sockets per visitor" },
  { route: "GET /webhooks/:platform/:inboxId", guard: "the platform's handshake secret (verify token, echostr signature)" },
  { route: "POST /webhooks/:platform/:inboxId", guard: "the platform's signature over the raw body; replays refused" },
  { route: "GET /webhooks/meta/:appId", guard: "Meta's subscription check: the verify token of an inbox of the app" },
  { route: "POST /webhooks/meta/:appId", guard: "Meta's signature over the raw body with an app secret its inboxes hold; each entry stored only for the inboxes of its id whose secret verified it; when such inboxes of two workspaces hold that id, only for those of the workspace that connected it first" },
  { route: "GET /media/:key", guard: "a session that may see the file's conversation, or a link signed for one visitor" },
  { route: "GET /sync/:room", guard: "a session (cookie or header, never the URL) from our own origin; per room kind, below" },
  { route: "GET /kb/:workspaceId/:slug", guard: "public: the workspace's published articles only" },
  { route: "GET /kb/:slug", guard: "public: a redirect for links made before slugs were per workspace" },
  { route: "GET /simulator/app.js", guard: "public: the simulator page's script (demo only)" },
  { route: "GET /healthz", guard: "public" },
  { route: "GET /openapi.json", guard: "public: the API's description" },
  { route: "GET /demo", guard: "public, only when the demo is turned on" },
];

/** Middleware and catch-alls registered with `app.use`/`app.all`: not endpoints of their own. */
export const MIDDLEWARE = ["ALL /*", "ALL /api/widget/*", "ALL /api/*", "ALL /sync/*", "ALL /simulator/*"];

/** The Yjs rooms: who may join (read), and who may write (`work` only; the rest are server-authored). */
export const ROOMS: { kind: string; room(fx: AccessFixture): string; expect: Expect; note: string }[] = [
  { kind: "team.<id>", room: (fx) => `team.${fx.supportTeamId}`, expect: TEAM, note: "read-only: the team's list and presence" },
  { kind: "conv.<id>", room: (fx) => `conv.${fx.conversationId}`, expect: TEAM, note: "read-only: the timeline" },
  { kind: "work.<id>", room: (fx) => `work.${fx.conversationId}`, expect: TEAM, note: "read and write: notes (own only), labels, draft" },
  { kind: "user.<id>", room: (fx) => `user.${fx.userIds.agent}`, expect: OWNER, note: "read-only: the user's own notifications" },
  { kind: "mine.<id>", room: (fx) => `mine.${fx.userIds.assignedOnly}`, expect: { ...signedIn("denied"), assignedOnly: "allowed" }, note: "read-only: the list of someone whose role sees only chats assigned to them (and, for some roles, the queue)" },
  { kind: "board.<id>", room: (fx) => `board.${fx.supportTeamId}`, expect: EDITORS, note: "read-only: the team's live board; admins and the supervisors who lead the team (members)" },
];

/** Each command type of `POST /api/commands`, on a Support conversation. */
export const COMMANDS: { type: string; command(fx: AccessFixture, conversationId: string, contactId: string, who: Who): Record<string, unknown>; expect: Expect; note?: string }[] = [
  { type: "reply", command: (_fx, c) => ({ type: "reply", conversationId: c, text: "From the matrix" }), expect: TEAM },
  { type: "status", command: (_fx, c) => ({ type: "status", conversationId: c, status: "pending" }), expect: TEAM },
  { type: "priority", command: (_fx, c) => ({ type: "priority", conversationId: c, priority: "low" }), expect: TEAM },
  { type: "assign", command: (fx, c, _k, who) => ({ type: "assign", conversationId: c, assigneeId: selfId(fx, who) }), expect: TEAM, note: "to oneself" },
  { type: "read", command: (_fx, c) => ({ type: "read", conversationId: c }), expect: TEAM },
  { type: "contact.update", command: (_fx, c, k) => ({ type: "contact.update", conversationId: c, contactId: k, patch: { company: "Matrix Ltd" } }), expect: TEAM },
  // Supervision (issue 12): intervening.
  { type: "transfer", command: (fx, c) => ({ type: "transfer", conversationId: c, teamId: fx.salesTeamId, reason: "Matrix" }), expect: SUPERVISING, note: "to a team the supervisor oversees" },
  { type: "hand", command: (_fx, c) => ({ type: "hand", conversationId: c, raised: true }), expect: TEAM, note: "raise or lower a hand for help" },
  { type: "join", command: (_fx, c) => ({ type: "join", conversationId: c }), expect: SUPERVISING },
];

const MARK: Record<Outcome, string> = { allowed: "yes", denied: "no", scoped: "own only" };

/** The matrix as markdown tables, for docs/SECURITY.md. */
export function renderMatrix(): string {
  const head = (first: string) => `| ${first} | ${WHO.map((w) => WHO_LABEL[w]).join(" | ")} | note |\n|---|${WHO.map(() => "---").join("|")}|---|`;
  const line = (name: string, expect: Expect, note = "") => `| \`${name}\` | ${WHO.map((w) => MARK[expect[w]]).join(" | ")} | ${note} |`;
  return [
    "### HTTP routes with a session",
    head("route"),
    ...ROUTES.map((r) => line(r.route, r.expect, r.note)),
    "",
    "### Routes guarded by something else",
    "| route | guard |\n|---|---|",
    ...GUARDED.map((g) => `| \`${g.route}\` | ${g.guard} |`),
    "",
    "### Rooms (`/sync/<room>`)",
    head("room"),
    ...ROOMS.map((r) => line(r.kind, r.expect, r.note)),
    "",
    "### Commands (`POST /api/commands`)",
    head("command"),
    ...COMMANDS.map((c) => line(c.type, c.expect, c.note)),
  ].join("\n");
}
