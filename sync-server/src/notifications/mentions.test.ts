import { describe, expect, it } from "vitest";
import { mentionTokens, mentionedUsers } from "./mentions.ts";

const ana = { id: "a", name: "Ana Souza" };
const anaP = { id: "p", name: "Ana Pereira" };
const sam = { id: "s", name: "Sam Supervisor" };
const joao = { id: "j", name: "João Lima" };

describe("who an @mention in a note means", () => {
  it("finds a colleague by first name, whatever the case or accents", () => {
    expect(mentionedUsers("@sam can you check? cc @JOAO", [ana, sam, joao]).map((u) => u.id)).toEqual(["s", "j"]);
  });

  it("finds a colleague by whole name written together or with dots, and ignores trailing punctuation", () => {
    expect(mentionedUsers("Thanks @ana.souza.", [ana, anaP]).map((u) => u.id)).toEqual(["a"]);
    expect(mentionedUsers("@AnaPereira!", [ana, anaP]).map((u) => u.id)).toEqual(["p"]);
  });

  it("notifies nobody for a first name two colleagues share, nor for an unknown name or an e-mail address", () => {
    expect(mentionedUsers("@Ana please", [ana, anaP])).toEqual([]);
    expect(mentionedUsers("@Zed hi", [ana, sam])).toEqual([]);
    expect(mentionedUsers("write to sam@example.com", [sam])).toEqual([]);
  });

  it("lists each token once", () => {
    expect(mentionTokens("@Sam and again @Sam, and @ana_")).toEqual(["Sam", "ana"]);
  });
});
