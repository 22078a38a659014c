import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/**
 * Layout and accessibility checks a screen must pass at any width (issue 16): the page never
 * scrolls sideways, no interactive element is covered by another (what a click at its centre
 * would hit is the element itself), and axe-core finds no serious or critical violation.
 */

export interface LayoutProblem {
  kind: "sideways" | "covered";
  detail: string;
}

/** Interactive elements whose centre, inside every scrolling ancestor's visible box, is hit by something else. */
export function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() => {
    const problems: { kind: "sideways" | "covered"; detail: string }[] = [];
    const doc = document.documentElement;
    const describe = (el: Element) => {
      const name = el.getAttribute("aria-label") ?? (el as HTMLElement).innerText?.trim().slice(0, 40) ?? "";
      return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""} “${name}”`;
    };
    if (doc.scrollWidth > doc.clientWidth + 1) {
      // The outermost elements reaching past the window: where to look.
      // The chain from <body> down to the deepest element reaching past the window: where to look.
      const chain: Element[] = [];
      for (let el: Element | undefined = document.body; el; ) {
        el = [...el.children].find((c) => c.getBoundingClientRect().right > doc.clientWidth + 1);
        if (el) chain.push(el);
      }
      // Positioned descendants can reach past without their ancestors doing so: the widest of those.
      const past = chain.length
        ? chain.slice(-3)
        : [...document.body.querySelectorAll("*")].sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right).slice(0, 3);
      problems.push({ kind: "sideways", detail: `page is ${doc.scrollWidth}px wide in a ${doc.clientWidth}px window (${past.map(describe).join(" > ")})` });
    }
    // A screen that scrolls inside its own box (Settings, Reports) escapes the page check above:
    // any box scrolling sideways is a problem unless it is a wide table's own scroller.
    for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
      if (el.scrollWidth <= el.clientWidth + 1 || el.querySelector(":scope > table") || el.closest(".table-wrap")) continue;
      if (!/(auto|scroll)/.test(getComputedStyle(el).overflowX)) continue;
      const past = [...el.children].filter((c) => c.getBoundingClientRect().right > el.getBoundingClientRect().right + 1).slice(0, 3);
      problems.push({ kind: "sideways", detail: `${describe(el)} scrolls sideways: ${el.scrollWidth}px in ${el.clientWidth}px (${past.map(describe).join(", ")})` });
    }
    const visibleBox = (el: Element): DOMRect | null => {
      let r = el.getBoundingClientRect();
      let left = Math.max(0, r.left), top = Math.max(0, r.top), right = Math.min(innerWidth, r.right), bottom = Math.min(innerHeight, r.bottom);
      for (let p = el.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (/(auto|scroll|hidden|clip)/.test(s.overflowX + s.overflowY)) {
          r = p.getBoundingClientRect();
          left = Math.max(left, r.left); top = Math.max(top, r.top); right = Math.min(right, r.right); bottom = Math.min(bottom, r.bottom);
        }
      }
      return right - left >= 4 && bottom - top >= 4 ? new DOMRect(left, top, right - left, bottom - top) : null;
    };
    const interactive = document.querySelectorAll<HTMLElement>('button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="tab"], [tabindex="0"]');
    for (const el of interactive) {
      if (el.closest("[hidden], [inert], [aria-hidden='true']")) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none" || Number(style.opacity) === 0) continue;
      const box = visibleBox(el);
      if (!box) continue;
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const hit = document.elementFromPoint(x, y);
      if (!hit || el === hit || el.contains(hit) || hit.contains(el)) continue;
      // A label wrapping or naming its control hits the label: the click still reaches the control.
      const label = hit.closest("label");
      if (label && (label.contains(el) || (label as HTMLLabelElement).control === el)) continue;
      problems.push({ kind: "covered", detail: `${describe(el)} is covered by ${describe(hit)} at (${Math.round(x)}, ${Math.round(y)})` });
    }
    return problems;
  });
}

const axeSource = (() => {
  const require = createRequire(import.meta.url);
  return require("node:fs").readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") as string;
})();

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    type Node = { target: unknown[]; any: { message: string }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: Node[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.any[0]?.message ?? ""}`) }));
  });
}
