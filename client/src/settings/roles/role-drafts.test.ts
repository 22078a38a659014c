import { afterEach, describe, expect, it } from "vitest";
import { BUILT_IN_PERMISSIONS } from "@inbox/shared";
import { ApiError } from "../../api/http.ts";
import { setLocale } from "../../i18n/locale.ts";
import { inputFromDraft, newRoleDraft, refusalProblems, withBase } from "./role-drafts.ts";
import { permissionsList, personRoleName, scopeWords } from "./role-words.ts";

const builtIn = { ...BUILT_IN_PERMISSIONS };

afterEach(() => setLocale("en"));

describe("a custom role being written", () => {
  it("starts as an agent, and a new role takes the chosen base's permissions while a saved one keeps its own", () => {
    const draft = newRoleDraft(builtIn);
    expect(draft).toEqual({ name: "", base: "agent", permissions: BUILT_IN_PERMISSIONS.agent });
    expect(withBase(draft, "supervisor", builtIn, true).permissions).toEqual(BUILT_IN_PERMISSIONS.supervisor);
    const narrowed = { ...draft, permissions: { ...draft.permissions, conversations: "assigned" as const } };
    expect(withBase(narrowed, "supervisor", builtIn, false)).toEqual({ ...narrowed, base: "supervisor" });
  });

  it("is checked by the shared schema, with the name's problem in the user's language", () => {
    expect(inputFromDraft({ ...newRoleDraft(builtIn), name: "  Night shift " })).toEqual({ ok: true, value: { name: "Night shift", base: "agent", permissions: BUILT_IN_PERMISSIONS.agent } });
    expect(inputFromDraft({ ...newRoleDraft(builtIn), name: "   " })).toEqual({ ok: false, problems: { name: "Give the role a name." } });
    setLocale("pt-BR");
    expect(inputFromDraft({ ...newRoleDraft(builtIn), name: "x".repeat(61) })).toEqual({ ok: false, problems: { name: "O nome de um papel tem no máximo 60 caracteres." } });
  });

  it("puts a taken name on the name field and other refusals above the form in the server's words", () => {
    expect(refusalProblems(new ApiError("conflict", 'There is already a role called "Night".', 409, { name: "Choose another name." }))).toEqual({
      name: "There is already a role with that name. Choose another.",
    });
    const refused = new ApiError("forbidden", "You can only give permissions you have yourself.", 403);
    expect(refusalProblems(refused)).toEqual({ form: "You can only give permissions you have yourself." });
  });
});

describe("a permission set in words", () => {
  it("says the scope and lists what is switched on, or none", () => {
    expect(scopeWords("assigned")).toBe("Only conversations assigned to them");
    expect(permissionsList({ ...BUILT_IN_PERMISSIONS.agent, manageContacts: false })).toBe("reply");
    expect(permissionsList({ ...BUILT_IN_PERMISSIONS.agent, reply: false, manageContacts: false })).toBe("None");
  });

  it("names a person's role by their custom role, or the built-in one when it is not known", () => {
    const roles = [{ id: "r1", name: "Assigned only", base: "agent" as const, permissions: BUILT_IN_PERMISSIONS.agent, holders: 1, updatedAt: 0 }];
    expect(personRoleName({ role: "agent", customRoleId: "r1" }, roles)).toBe("Assigned only");
    expect(personRoleName({ role: "agent", customRoleId: "gone" }, roles)).toBe("Agent");
    expect(personRoleName({ role: "supervisor", customRoleId: null }, undefined)).toBe("Supervisor");
  });
});
