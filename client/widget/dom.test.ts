import { describe, expect, it } from "vitest";
import { safeUrl } from "./dom.ts";

describe("attachment links", () => {
  it("only lets http(s) URLs become links or images", () => {
    expect(safeUrl("javascript:alert(1)", "https://chat.example.com")).toBeNull();
    expect(safeUrl("data:text/html,<script>", "https://chat.example.com")).toBeNull();
    expect(safeUrl("/files/a.png", "https://chat.example.com")).toBe("https://chat.example.com/files/a.png");
    expect(safeUrl("https://cdn.test/x.pdf", "https://chat.example.com")).toBe("https://cdn.test/x.pdf");
  });
});
