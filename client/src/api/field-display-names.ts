/**
 * A refused field's path as a person reads it: "conditions.0.values.1" becomes "conditions 1 ›
 * values 2" in English and "condições 1 › valores 2" in Portuguese. The server names fields as
 * the API spells them (camelCase, positions from 0); a name not in this table is split into words
 * in English and kept as the API spells it in Portuguese, so an admin can still find it in the
 * API reference. Part of the refusal words' chunk.
 */
import { defineMessages } from "../i18n/define-messages.ts";
import { locale } from "../i18n/locale.ts";

/** The fields people fill in on the PWA's forms, and the lists rules and reports hold. */
const EN = {
  name: "name",
  email: "email",
  phone: "phone",
  company: "company",
  notes: "notes",
  title: "title",
  text: "text",
  body: "body",
  url: "address",
  password: "password",
  currentPassword: "current password",
  newPassword: "new password",
  code: "code",
  role: "role",
  team: "team",
  teamId: "team",
  teamIds: "teams",
  teams: "teams",
  inboxId: "inbox",
  inboxIds: "inboxes",
  memberIds: "members",
  agentIds: "agents",
  capacity: "capacity",
  maxConcurrentChats: "chats at once",
  priority: "priority",
  labels: "labels",
  language: "language",
  timeZone: "time zone",
  timezone: "time zone",
  hours: "opening hours",
  from: "from",
  to: "to",
  preset: "period",
  triggers: "when it runs",
  conditions: "conditions",
  actions: "actions",
  values: "values",
  greeting: "greeting",
  color: "colour",
  textColor: "text colour",
  avatar: "picture",
  shortcut: "shortcut",
  sessionHours: "session length",
  retentionDays: "days to keep",
  firstResponseMinutes: "first response",
  nextResponseMinutes: "next response",
  resolutionMinutes: "resolution",
  apiKey: "API key",
  baseUrl: "provider address",
  model: "model",
  permissions: "permissions",
  template: "template",
  variables: "variables",
  message: "message",
};

const t = defineMessages(EN, {
  name: "nome",
  email: "e-mail",
  phone: "telefone",
  company: "empresa",
  notes: "notas",
  title: "título",
  text: "texto",
  body: "corpo",
  url: "endereço",
  password: "senha",
  currentPassword: "senha atual",
  newPassword: "nova senha",
  code: "código",
  role: "papel",
  team: "equipe",
  teamId: "equipe",
  teamIds: "equipes",
  teams: "equipes",
  inboxId: "caixa de entrada",
  inboxIds: "caixas de entrada",
  memberIds: "membros",
  agentIds: "agentes",
  capacity: "capacidade",
  maxConcurrentChats: "conversas ao mesmo tempo",
  priority: "prioridade",
  labels: "etiquetas",
  language: "idioma",
  timeZone: "fuso horário",
  timezone: "fuso horário",
  hours: "horário de funcionamento",
  from: "início",
  to: "fim",
  preset: "período",
  triggers: "quando é aplicada",
  conditions: "condições",
  actions: "ações",
  values: "valores",
  greeting: "saudação",
  color: "cor",
  textColor: "cor do texto",
  avatar: "imagem",
  shortcut: "atalho",
  sessionHours: "duração da sessão",
  retentionDays: "dias a manter",
  firstResponseMinutes: "primeira resposta",
  nextResponseMinutes: "próxima resposta",
  resolutionMinutes: "resolução",
  apiKey: "chave da API",
  baseUrl: "endereço do provedor",
  model: "modelo",
  permissions: "permissões",
  template: "modelo de mensagem",
  variables: "variáveis",
  message: "mensagem",
});

const isNamed = (segment: string): segment is keyof typeof EN => Object.hasOwn(EN, segment);

/** "maxTextLength" → "max text length": what English makes of a name it has no words for. */
const spaced = (segment: string) => segment.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

/** One step of a path: a position counts from 1, a name is worded, anything else kept. */
function segmentWords(segment: string): string {
  if (/^\d+$/.test(segment)) return String(Number(segment) + 1);
  if (isNamed(segment)) return t(segment);
  return locale() === "en" ? spaced(segment) : segment;
}

/** A refused field's path in the user's language. */
export function fieldNameWords(path: string): string {
  const parts: string[] = [];
  for (const segment of path.split(".")) {
    const word = segmentWords(segment);
    // A position belongs to the list named before it: "conditions 1", not "conditions › 1".
    if (/^\d+$/.test(segment) && parts.length > 0) parts[parts.length - 1] += ` ${word}`;
    else parts.push(word);
  }
  return parts.join(" › ");
}
