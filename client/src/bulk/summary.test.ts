import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n/locale.ts";
import { bulkCommands, bulkIdOf, isSettled, newGroup, withResult, type BulkGroup, type BulkTarget } from "../sync/bulk-ledger.ts";
import { summarize } from "./summary.ts";

afterEach(() => setLocale("en"));

const targets: BulkTarget[] = ["Carla", "Davi", "Elis", "Fabio"].map((name, i) => ({
  conversationId: `conv-${i}`,
  contactName: name,
  assigneeId: i === 0 ? "u-bruno" : null,
  teamId: "team-support",
}));
const id = "0123456789abcdef0123456789abcdef";
const assign = newGroup(id, { kind: "assign", assigneeId: "u-ana", assigneeName: "Ana Souza", override: false }, targets, 1000);
const answer = (g: BulkGroup, i: number, r: { ok: boolean; code?: string; message?: string }) => withResult(g, g.targets[i]!.clientId, r);

describe("a bulk action's commands", () => {
  it("are one per conversation, each with its own client id carrying the group's id, conditional on what was seen", () => {
    const commands = bulkCommands(assign, targets);
    expect(commands).toHaveLength(4);
    expect(new Set(commands.map((c) => c.clientId)).size).toBe(4);
    for (const c of commands) expect(bulkIdOf(c.clientId)).toBe(id);
    expect(commands[0]).toEqual({ clientId: `bk${id}_0`, conversationId: "conv-0", type: "assign", assigneeId: "u-ana", expectedAssigneeId: "u-bruno" });
    expect(commands[1]).toMatchObject({ expectedAssigneeId: null });
    expect(bulkIdOf("5f0c4a3e-plain-client-id")).toBeNull();
  });

  it("send override only when the supervisor confirmed it, and transfers only from the team seen", () => {
    const over = newGroup(id, { kind: "assign", assigneeId: "u-ana", assigneeName: "Ana", override: true }, targets, 0);
    expect(bulkCommands(over, targets)[1]).toMatchObject({ override: true });
    const move = newGroup(id, { kind: "transfer", teamId: "team-sales", teamName: "Sales" }, targets, 0);
    expect(bulkCommands(move, targets)[2]).toMatchObject({ type: "transfer", teamId: "team-sales", expectedTeamId: "team-support" });
    const snooze = newGroup(id, { kind: "snooze", until: 5000 }, targets, 0);
    expect(bulkCommands(snooze, targets)[0]).toMatchObject({ type: "status", status: "snoozed", snoozedUntil: 5000 });
    expect(bulkCommands(newGroup(id, { kind: "resolve" }, targets, 0), targets)[3]).toMatchObject({ type: "status", status: "resolved" });
    expect(bulkCommands(newGroup(id, { kind: "label", label: "vip" }, targets, 0), targets)).toEqual([]);
  });

  it("keep the first answer for a client id (a replay answers the same) and ignore strangers", () => {
    const once = answer(assign, 0, { ok: true });
    expect(answer(once, 0, { ok: false, code: "conflict", message: "x" })).toBe(once);
    expect(withResult(once, "bkffffffffffffffffffffffffffffffff_0", { ok: true })).toBe(once);
  });
});

describe("the summary of a bulk action", () => {
  it("counts what is done, what was refused and why, and what still waits (offline)", () => {
    expect(summarize(assign).text).toBe("Assign to Ana Souza: 4 waiting to send");
    let g = answer(assign, 1, { ok: true });
    g = answer(g, 2, { ok: true });
    expect(summarize(g).text).toBe("2 assigned to Ana Souza · 2 waiting to send");
    expect(isSettled(g)).toBe(false);
    g = answer(g, 0, { ok: false, code: "conflict", message: "Sam already gave this chat to Bruno Lima." });
    g = answer(g, 3, { ok: false, code: "over_capacity", message: "Ana Souza already has 5 of 5 chats." });
    const s = summarize(g);
    expect(isSettled(g)).toBe(true);
    expect(s.text).toBe("2 assigned to Ana Souza · 2 not: already changed by someone else (1), over capacity (1)");
    expect(s.failures).toEqual([
      { conversationId: "conv-0", contactName: "Carla", message: "Sam already gave this chat to Bruno Lima." },
      { conversationId: "conv-3", contactName: "Fabio", message: "Ana Souza already has 5 of 5 chats." },
    ]);
  });

  it("names a single reason without a count, and says nothing was done only when it was", () => {
    let g = newGroup(id, { kind: "resolve" }, targets.slice(0, 2), 0);
    g = answer(g, 0, { ok: false, code: "forbidden", message: "no" });
    g = answer(g, 1, { ok: false, code: "forbidden", message: "no" });
    expect(summarize(g).text).toBe("2 not: not allowed");
    const ok = answer(newGroup(id, { kind: "priority", priority: "urgent" }, targets.slice(0, 1), 0), 0, { ok: true });
    expect(summarize(ok).text).toBe("1 set to Urgent");
  });

  it("speaks Brazilian Portuguese", () => {
    setLocale("pt-BR");
    let g = answer(assign, 1, { ok: true });
    g = answer(g, 3, { ok: false, code: "over_capacity", message: "x" });
    expect(summarize(g).text).toBe("Atribuídas a Ana Souza: 1 · Não feitas: 1 (acima da capacidade) · 2 aguardando envio");
    expect(summarize(newGroup(id, { kind: "resolve" }, targets, 0)).text).toBe("Resolver: 4 aguardando envio");
    const moved = answer(newGroup(id, { kind: "transfer", teamId: "t", teamName: "Vendas" }, targets.slice(0, 1), 0), 0, { ok: true });
    expect(summarize(moved).text).toBe("Transferidas para Vendas: 1");
  });
});
