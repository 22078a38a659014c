/**
 * "r" and "n" put the caret in the composer's reply or note box. The composer belongs to its
 * own area, so this goes through its markup: the mode toggles (`.composer-modes`, reply first,
 * note second, each with aria-pressed) and the text boxes (`.composer-input`, the note's also
 * `.composer-input-note`).
 */
export function focusComposer(kind: "reply" | "note", root: ParentNode = document): boolean {
  const composer = root.querySelector(".composer");
  if (!composer) return false;
  const modes = composer.querySelectorAll<HTMLButtonElement>(".composer-modes [aria-pressed]");
  const toggle = modes[kind === "reply" ? 0 : 1];
  if (toggle && toggle.getAttribute("aria-pressed") !== "true") toggle.click();
  // The mode switch renders synchronously (Solid), so the box is there now.
  const boxes = [...composer.querySelectorAll<HTMLTextAreaElement>("textarea.composer-input")];
  const box = boxes.find((b) => b.classList.contains("composer-input-note") === (kind === "note")) ?? boxes[0];
  box?.focus();
  return !!box;
}
