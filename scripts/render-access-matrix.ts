/**
 * Writes the access matrix (sync-server/src/security/access-matrix.ts) into docs/SECURITY.md
 * between its markers. `npm run docs:matrix`; the matrix test fails while the page is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderMatrix } from "../sync-server/src/security/access-matrix.ts";

const file = fileURLToPath(new URL("../docs/SECURITY.md", import.meta.url));
const doc = readFileSync(file, "utf8");
const block = `<!-- matrix:start -->\n${renderMatrix()}\n<!-- matrix:end -->`;
const next = /<!-- matrix:start -->[\s\S]*?<!-- matrix:end -->/.test(doc)
  ? doc.replace(/<!-- matrix:start -->[\s\S]*?<!-- matrix:end -->/, () => block)
  : `${doc.trimEnd()}\n\n## Who may do what\n${block}\n`;
writeFileSync(file, next);
console.log("docs/SECURITY.md: access matrix written");
