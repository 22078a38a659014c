import type { Article } from "@inbox/shared/api/content";
import { escapeHtml } from "../lib/escape-html.ts";

export { escapeHtml };

/** `**bold**` and `*italic*` on already-escaped text, so no markup from the article survives. */
function inline(escaped: string): string {
  return escaped.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>").replace(/\*([^*]+)\*/g, "<em>$1</em>");
}

/**
 * Markdown-lite to HTML: blank-line separated paragraphs, `- ` bullet lists, `# ` headings,
 * bold and italic. Everything is escaped first; the only tags are the ones written here.
 */
export function renderArticleBody(body: string): string {
  const blocks = body.replace(/\r\n?/g, "\n").split(/\n{2,}/).map((b) => b.trim()).filter(Boolean);
  return blocks
    .map((block) => {
      const lines = block.split("\n");
      if (lines.every((l) => /^[-*] /.test(l))) {
        return `<ul>${lines.map((l) => `<li>${inline(escapeHtml(l.slice(2)))}</li>`).join("")}</ul>`;
      }
      const heading = /^(#{1,3}) (.*)$/.exec(block);
      if (heading && lines.length === 1) {
        const level = heading[1]!.length + 1;
        return `<h${level}>${inline(escapeHtml(heading[2]!))}</h${level}>`;
      }
      return `<p>${lines.map((l) => inline(escapeHtml(l))).join("<br>")}</p>`;
    })
    .join("\n");
}

/** The public, read-only page of a published article (what a customer opens from a link). */
export function articlePage(article: Article): string {
  const updated = new Date(article.updatedAt).toISOString().slice(0, 10);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.title)}</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1f2937}h1{line-height:1.2}.updated{color:#6b7280;font-size:.875rem}</style>
</head>
<body>
<article>
<h1>${escapeHtml(article.title)}</h1>
<p class="updated">Updated ${updated}</p>
${renderArticleBody(article.body)}
</article>
</body>
</html>`;
}
