import { afterEach, describe, expect, it } from "vitest";
import { FIELD_ISSUES_PARAM, REASONS, isReasonCode, reasonFields } from "@inbox/shared";
import { PushSubscribeRequestSchema } from "@inbox/shared/api/push";
import { schemaMessageMatch } from "@inbox/shared/api/schema-messages";
import { TeamRequestSchema } from "@inbox/shared/api/people";
import { TicketUrlSchema } from "@inbox/shared/api/contacts";
import { RULE_NAME_MAX, RoutingRuleInputSchema } from "@inbox/shared/domain/routing-rules";
import { setLocale } from "../i18n/locale.ts";
import { schemaMessageWords } from "./constraint-words.ts";
import { fieldNameWords } from "./field-display-names.ts";
import { reasonWords } from "./reason-words.ts";

afterEach(() => setLocale("en"));

describe("a channel's refusal of a file or choices, in the agent's language", () => {
  const tooLarge = reasonFields("attachment_too_large", { channel: "WhatsApp", kind: "image", maxBytes: String(5 * 1024 * 1024), bytes: String(Math.round(7.2 * 1024 * 1024)) });

  it("words the kind and the sizes in Portuguese, not the server's English", () => {
    setLocale("pt-BR");
    expect(reasonWords(tooLarge)).toBe("WhatsApp aceita imagens de até 5 MB; este tem 7,2 MB.");
    expect(reasonWords(reasonFields("too_many_quick_replies", { channel: "Instagram", max: "13", count: "14" }))).toBe(
      "Instagram aceita no máximo 13 respostas rápidas numa mensagem; esta tem 14.",
    );
  });

  it("says the same as the composer's own check in English", () => {
    expect(reasonWords(tooLarge)).toBe("WhatsApp accepts images up to 5 MB; this one is 7.2 MB.");
    expect(reasonWords(reasonFields("attachment_kind_unsupported", { channel: "LINE", kind: "file" }))).toBe("LINE does not accept files from agents here.");
    // A kind a newer server knows and this client does not is named as the server gave it, not dropped.
    expect(reasonWords(reasonFields("attachment_kind_unsupported", { channel: "LINE", kind: "sticker" }))).toBe("LINE does not accept sticker from agents here.");
  });
});

describe("a refused form's fields, in the user's language", () => {
  // As the server sends them (sync-server/src/http/read-body.ts): zod's English per path, the
  // English summary, and each path's issue without words.
  const refusal = (issues: object[], english: Record<string, string>) => ({
    ...english,
    ...reasonFields("fields_invalid", {
      fields_summary: Object.entries(english).map(([path, msg]) => `${path}: ${msg}`).join("; "),
      [FIELD_ISSUES_PARAM]: JSON.stringify(issues),
    }),
  });
  const team = refusal(
    [
      { path: "name", code: "too_small", origin: "string", minimum: 1, inclusive: true },
      { path: "capacity", code: "too_big", origin: "number", maximum: 50, inclusive: true },
      { path: "email", code: "invalid_type", expected: "string", missing: true },
      { path: "role", code: "invalid_value", values: ['"agent"', '"admin"'] },
    ],
    {
      name: "Too small: expected string to have >=1 characters",
      capacity: "Too big: expected number to be <=50",
      email: "Invalid input: expected string, received undefined",
      role: 'Invalid option: expected one of "agent"|"admin"',
    },
  );

  it("words each field's problem in Portuguese, not zod's English", () => {
    setLocale("pt-BR");
    expect(reasonWords(team)).toBe(
      'Alguns campos não são válidos: nome: deve ter pelo menos 1 caractere; capacidade: deve ser no máximo 50; e-mail: é obrigatório; papel: deve ser um destes: "agent", "admin"',
    );
  });

  it("words them in English too, in plain words", () => {
    expect(reasonWords(team)).toBe('Some fields are not valid: name: must have at least 1 character; capacity: must be at most 50; email: is required; role: must be one of: "agent", "admin"');
    expect(reasonWords(refusal([{ path: "tags", code: "too_small", origin: "array", minimum: 2, inclusive: true }], { tags: "Too small: expected array to have >=2 items" }))).toBe(
      "Some fields are not valid: tags: must have at least 2 items",
    );
  });

  it("keeps the server's words for an issue it does not know, words a message the schema wrote from the shared table, and keeps the server's summary when the issues are unreadable", () => {
    setLocale("pt-BR");
    const custom = refusal(
      [
        { path: "when", code: "custom" },
        { path: "at", code: "too_small", origin: "date", minimum: 1796649667181, inclusive: true },
        { path: "slug", code: "too_big", origin: "string", maximum: 40, inclusive: true },
        { path: "team", code: "too_small", origin: "string", minimum: 1, inclusive: true, own: true },
      ],
      { when: "Choose a time in the future", at: "Too small: expected date to be >=1796649667181", slug: "Too big: expected string to have <=40 characters", team: "Give the team a name." },
    );
    expect(reasonWords(custom)).toBe(
      "Alguns campos não são válidos: when: Choose a time in the future; at: Too small: expected date to be >=1796649667181; slug: deve ter no máximo 40 caracteres; equipe: Dê um nome à equipe.",
    );
    // An older server sends no issues; a garbled list is not trusted either.
    const older = reasonFields("fields_invalid", { fields_summary: "name: Required" });
    expect(reasonWords(older)).toBe("Alguns campos não são válidos: name: Required");
    expect(reasonWords({ ...older, [FIELD_ISSUES_PARAM]: '[{"path":1}]' })).toBe("Alguns campos não são válidos: name: Required");
  });

  it("words a schema's own message in Portuguese, as the schema writes it today", () => {
    // The English comes from the shared schemas themselves, so a reworded schema still has to be
    // in the shared table (schema-messages.test.ts) for this to pass.
    const english = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error!.issues[0]!.message;
    const name = english(TeamRequestSchema.safeParse({ name: " " }));
    const url = english(TicketUrlSchema.safeParse("ftp://example.com"));
    const body = refusal(
      [
        { path: "name", code: "too_small", origin: "string", minimum: 1, inclusive: true, own: true },
        { path: "url", code: "invalid_format", format: "url", own: true },
      ],
      { name, url },
    );
    setLocale("pt-BR");
    expect(reasonWords(body)).toBe(
      "Alguns campos não são válidos: nome: Dê um nome à equipe.; endereço: Digite um endereço da web começando com http:// ou https://.",
    );
    setLocale("en");
    expect(reasonWords(body)).toBe(`Some fields are not valid: name: ${name}; address: ${url}`);
  });

  it("words a rule's refusal built at run time in Portuguese, with the pattern the admin typed and the schema's bounds", () => {
    // The messages come from the shared schema; their values (the pattern, a limit) are read back
    // from the English and put in the Portuguese.
    const refused = RoutingRuleInputSchema.safeParse({
      name: "x".repeat(RULE_NAME_MAX + 1),
      triggers: ["customer_message"],
      conditions: [{ type: "text_matches", values: ["(a|ab)*"] }],
      actions: [{ type: "set_team", teamId: "team-aaaa" }, { type: "set_team", teamId: "team-bbbb" }],
    });
    const fields = Object.fromEntries(refused.error!.issues.map((i) => [i.path.join("."), i.message]));
    const body = refusal(
      [
        { path: "name", code: "too_big", origin: "string", maximum: RULE_NAME_MAX, inclusive: true, own: true },
        { path: "conditions.0.values.0", code: "custom", own: true },
        { path: "actions.1", code: "custom", own: true },
      ],
      fields,
    );
    setLocale("pt-BR");
    expect(reasonWords(body)).toBe(
      "Alguns campos não são válidos: nome: deve ter no máximo 80 caracteres; condições 1 › valores 1: O padrão “(a|ab)*” repete um grupo de alternativas, como (a|ab)*, o que pode demorar muito em algumas mensagens; liste as palavras como padrões separados.; ações 2: Uma regra pode ter só uma ação “definir equipe”.",
    );
    setLocale("en");
    expect(reasonWords(body)).toContain("actions 2: A rule may have only one “set team” action.");
  });
});

describe("a refusal that says a schema's sentence", () => {
  it("is worded as the schema's message is: the browser's bad push address reads the same from the server's check and from the form's", () => {
    const fromSchema = PushSubscribeRequestSchema.safeParse({ endpoint: "not an address", keys: { p256dh: "", auth: "" } }).error!.issues[0]!.message;
    setLocale("pt-BR");
    expect(reasonWords(reasonFields("push_address_not_web"))).toBe(schemaMessageWords(fromSchema));
    expect(reasonWords(reasonFields("push_address_not_web"))).toBe("O navegador informou um endereço de notificações que não é um endereço da web.");
  });

  it("is worded alike in Portuguese for every reason whose English is a schema's", () => {
    const shared = Object.entries(REASONS).filter(([, english]) => schemaMessageMatch(english) !== undefined);
    expect(shared.map(([code]) => code).sort()).toEqual(["push_address_not_web", "reply_content_mixed"]);
    setLocale("pt-BR");
    for (const [code, english] of shared) {
      if (!isReasonCode(code)) throw new Error(code);
      expect(reasonWords(reasonFields(code))).toBe(schemaMessageWords(english));
    }
  });
});

describe("a refused field's name, as a person reads it", () => {
  it("counts positions from 1 with the list they belong to, and words known names in Portuguese", () => {
    expect(fieldNameWords("conditions.0.values.1")).toBe("conditions 1 › values 2");
    expect(fieldNameWords("maxTextLength")).toBe("max text length");
    setLocale("pt-BR");
    expect(fieldNameWords("conditions.0.values.1")).toBe("condições 1 › valores 2");
    expect(fieldNameWords("firstResponseMinutes")).toBe("primeira resposta");
    // A name with no words here stays as the API reference spells it.
    expect(fieldNameWords("maxTextLength")).toBe("maxTextLength");
  });
});
