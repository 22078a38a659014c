/**
 * The header's menu on phones: one button (the user's avatar and ☰) discloses a panel holding the
 * header's secondary controls, which do not fit a phone's row. A disclosure, not an ARIA menu:
 * the panel holds ordinary buttons and a select, reached with Tab. Escape closes it and gives
 * focus back to the button; a click elsewhere closes it. (Choosing a screen in it draws that
 * screen, header and all, so the menu starts closed there.)
 */
import { createSignal, onCleanup, type JSX } from "solid-js";
import { Avatar } from "../ui/Avatar.tsx";
import { t } from "./messages.ts";

export function HeaderMenu(props: { name: string; role: string; avatar?: string | null; children: JSX.Element }) {
  const [open, setOpen] = createSignal(false);
  let root!: HTMLDivElement;
  let button!: HTMLButtonElement;
  const close = (refocus: boolean) => {
    if (!open()) return;
    setOpen(false);
    if (refocus) button.focus();
  };
  const onDocumentClick = (e: MouseEvent) => {
    const target = e.target as Node;
    // A button the click replaced (Reports ↔ Back to inbox) is no longer in the document: not "elsewhere".
    // A modal opened from the menu (the shortcuts list) sits above it: not "elsewhere" either.
    if (target.isConnected && !root.contains(target) && !(target instanceof Element && target.closest("dialog[open]"))) close(false);
  };
  document.addEventListener("click", onDocumentClick);
  onCleanup(() => document.removeEventListener("click", onDocumentClick));
  return (
    <div
      class="header-menu"
      ref={root}
      onKeyDown={(e) => {
        // Solid delegates keys through portals: Escape in the shortcuts dialog is the dialog's own.
        if (e.key !== "Escape" || !open() || !root.contains(e.target as Node)) return;
        e.preventDefault();
        e.stopPropagation();
        close(true);
      }}
    >
      <button
        ref={button}
        type="button"
        class="btn btn-ghost header-menu-button"
        aria-expanded={open()}
        aria-controls="header-menu-panel"
        onClick={() => setOpen((o) => !o)}
      >
        <Avatar name={props.name} size="sm" src={props.avatar} />
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path fill="currentColor" d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" />
        </svg>
        <span class="sr-only">{t("menu")}</span>
      </button>
      <div id="header-menu-panel" class="header-menu-panel" hidden={!open()}>
        <p class="header-menu-user">
          <span class="header-menu-name">{props.name}</span>
          <span class="header-menu-role">{props.role}</span>
        </p>
        {props.children}
      </div>
    </div>
  );
}
