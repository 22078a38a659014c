/** Administration of people, invitations and teams (issue 13). */
export { registerPeopleRoutes } from "./people-routes.ts";
export type { PeopleDeps } from "./people-deps.ts";
export { MailNotSent, mailNotSent, type Mailer, type OutgoingMail } from "./mailer.ts";
export { smtpEndpoint, type SmtpEndpoint, type SmtpSettings } from "./smtp-endpoint.ts";
