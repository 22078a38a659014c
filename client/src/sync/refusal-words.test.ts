import { afterEach, describe, expect, it } from "vitest";
import type { Command, CommandResult } from "@inbox/shared";
import { setLocale } from "../i18n/locale.ts";
import { outcomeEffects } from "./outcomes.ts";
import { reasonWords } from "../api/reason-words.ts";
import type { Outcome } from "./outbox-replayer.ts";

afterEach(() => setLocale("en"));

const assign: Command = { type: "assign", clientId: "c-1", conversationId: "conv-1", assigneeId: "ana", expectedAssigneeId: null, reason: "VIP" };
const refused = (code: string, fields: Record<string, string>, message = "server words"): Extract<CommandResult, { ok: false }> => ({
  clientId: "c-1",
  ok: false,
  code,
  message,
  keepAsDraft: false,
  fields,
});
const outcome = (command: Command, result: CommandResult) => ({ entry: { seq: 1, conversationId: "conv-1", command, at: 0 }, result }) as unknown as Outcome;

describe("a supervisor's refused intervention, in the user's language", () => {
  it("says who moved the chat, in English and Portuguese", () => {
    const lost = outcome(assign, refused("conflict", { what: "reassigned", by: "Alice Admin", to: "Sam Supervisor" }));
    expect(outcomeEffects(lost, reasonWords).notice).toBe("Already reassigned to Sam Supervisor by Alice Admin.");
    setLocale("pt-BR");
    expect(outcomeEffects(lost, reasonWords).notice).toBe("Já reatribuída a Sam Supervisor por Alice Admin.");
    const transfer: Command = { type: "transfer", clientId: "c-2", conversationId: "conv-1", teamId: "sales", expectedTeamId: "support" };
    expect(outcomeEffects(outcome(transfer, refused("conflict", { what: "transferred", by: "Sam Supervisor", to: "Sales" })), reasonWords).notice).toBe(
      "Já transferida para Sales por Sam Supervisor.",
    );
  });

  it("over capacity, asks and offers the same assignment with the override, under a new id", () => {
    const effects = outcomeEffects(outcome(assign, refused("over_capacity", { name: "Ana Souza", load: "3", capacity: "3" })), reasonWords);
    expect(effects.notice).toBe("Ana Souza has 3 of 3 chats. Assign anyway?");
    expect(effects.action?.label).toBe("Assign anyway");
    expect(effects.action?.command).toMatchObject({ type: "assign", assigneeId: "ana", override: true, reason: "VIP", expectedAssigneeId: null });
    expect(effects.action?.command.clientId).not.toBe("c-1");
  });

  it("keeps the server's sentence when there are no facts to say it with", () => {
    expect(outcomeEffects(outcome(assign, { ...refused("forbidden", {}), fields: undefined }), reasonWords).notice).toBe("server words");
  });
});
