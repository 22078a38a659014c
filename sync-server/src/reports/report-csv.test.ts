import { describe, expect, it } from "vitest";
import { csvField, csvText } from "./report-csv.ts";
import { parseCsv } from "./report-test-support.ts";

describe("report CSV", () => {
  it("quotes what needs quoting and reads back as written", () => {
    const rows = [
      ["name", "note"],
      ['Ana "the fast" Souza', "line one\r\nline two, with a comma"],
      ["", 42],
    ];
    expect(parseCsv(csvText(rows))).toEqual([
      ["name", "note"],
      ['Ana "the fast" Souza', "line one\r\nline two, with a comma"],
      ["", "42"],
    ]);
  });

  it("never lets a spreadsheet run a name as a formula", () => {
    for (const evil of ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"]) {
      expect(csvField(evil).replace(/^"/, "")).toMatch(/^'/);
    }
    expect(parseCsv(csvText([["=1+2,3"]]))).toEqual([["'=1+2,3"]]);
    expect(csvField(null)).toBe("");
    expect(csvField(0)).toBe("0");
  });
});
