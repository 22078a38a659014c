/**
 * Every message table in the client, found on disk (not a list someone must remember to
 * extend), is checked for what a reviewer would miss: a blank Portuguese string, a placeholder
 * that one language lost, and English copied into the Portuguese table.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { definedTables, type MessageTables } from "./define-messages.ts";

const SRC = fileURLToPath(new URL("..", import.meta.url));

/** Words that are the same in both languages: product and platform names, loanwords. */
const SAME_IN_BOTH = new Set([
  "OK",
  "Email",
  "E-mail",
  "Status",
  "Online",
  "Offline",
  "Supervisor",
  "Token",
  "Webhook",
  "Link",
  "Emoji",
  "Inbox",
  "WhatsApp",
  "Instagram",
  "Messenger",
  "Telegram",
  "WeChat",
  "LINE",
  "PDF",
  "Normal",
  "Manual",
  "Bot",
  "Chat",
  "VIP",
]);

/** Share of a table's keys that may read the same in both languages besides the words above. */
const MAX_SAME_SHARE = 0.1;

function messageModules(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...messageModules(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && entry.name !== "define-messages.ts") {
      if (readFileSync(path, "utf8").includes("defineMessages(")) out.push(path);
    }
  }
  return out.sort();
}

/** "{contact}: {preview}" has no words of its own to translate. */
const hasWords = (text: string) => /\p{L}/u.test(text.replace(/\{\w+\}/g, ""));

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

async function tablesByFile(): Promise<Map<string, MessageTables[]>> {
  const byFile = new Map<string, MessageTables[]>();
  for (const path of messageModules(SRC)) {
    const before = definedTables().length;
    await import(/* @vite-ignore */ path);
    byFile.set(relative(SRC, path), definedTables().slice(before));
  }
  return byFile;
}

describe("the Portuguese translation", () => {
  it("exists for every string of every area, keeps the placeholders, and is not English copied over", async () => {
    const byFile = await tablesByFile();
    expect(byFile.size).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const [file, tables] of byFile) {
      expect(tables.length, `${file} defines its table when imported`).toBeGreaterThan(0);
      for (const { en, "pt-BR": pt } of tables) {
        const keys = Object.keys(en);
        const same: string[] = [];
        for (const key of keys) {
          const english = en[key] ?? "";
          const portuguese = pt[key] ?? "";
          if (!portuguese.trim()) problems.push(`${file}: "${key}" has no Portuguese text`);
          if (placeholders(english).join() !== placeholders(portuguese).join()) problems.push(`${file}: "${key}" has other placeholders in Portuguese`);
          if (portuguese === english && hasWords(english) && !SAME_IN_BOTH.has(english.trim())) same.push(key);
        }
        if (same.length > Math.max(1, Math.floor(keys.length * MAX_SAME_SHARE)))
          problems.push(`${file}: ${same.length} of ${keys.length} strings are the same in English and Portuguese (${same.join(", ")})`);
      }
    }
    expect(problems).toEqual([]);
  });
});
