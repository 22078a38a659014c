import { MAX_TEXT_LENGTH, previewOf } from "@inbox/shared/domain/message";
import type { Controller, WidgetState } from "./controller.ts";
import { ICONS, h, icon, safeUrl } from "./dom.ts";
import { chosenReplies, type ChatItem } from "./messages.ts";
import { STYLES } from "./styles.ts";
import { DEFAULT_ACCENT, textColorOn } from "./theme.ts";

/**
 * Renders the controller's state into the shadow root. Every piece of customer, agent or admin
 * text goes through textContent / text nodes (see dom.ts): never innerHTML.
 */
export interface ViewOptions {
  root: ShadowRoot;
  host: HTMLElement;
  controller: Controller;
  /** The chat server, for resolving attachment URLs. */
  origin: string;
}

const UNAVAILABLE = "Chat is unavailable right now";
/** Only show "Connecting…" if the socket stays down this long: no flash on every page load. */
const CONNECTION_GRACE_MS = 2000;

export function mountView({ root, host, controller, origin }: ViewOptions): () => void {
  // A constructed stylesheet is not subject to the host page's CSP style-src; <style> is the
  // fallback for browsers without adoptedStyleSheets.
  let style: HTMLStyleElement | null = null;
  if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    style = h("style");
    style.textContent = STYLES;
  }

  // ---- static skeleton ----
  const title = h("h2", { class: "title" });
  const subtitle = h("p", { class: "subtitle", hidden: true });
  const closeBtn = h("button", { type: "button", class: "icon-btn", "aria-label": "Close chat" }, icon(...ICONS.close));
  const header = h("header", { class: "header" }, h("div", { class: "titles" }, title, subtitle), closeBtn);

  const alertText = h("span", { class: "alert-text" });
  const alertClose = h("button", { type: "button", class: "icon-btn", "aria-label": "Dismiss" }, icon(...ICONS.close));
  const alertBox = h("div", { class: "alert", role: "alert", hidden: true }, alertText, alertClose);

  const loading = h("p", { class: "status" }, "Connecting…");

  const introGreeting = h("p", { class: "greeting" });
  const nameInput = h("input", { id: "iw-name", name: "name", type: "text", autocomplete: "name", maxlength: 200 });
  const emailInput = h("input", { id: "iw-email", name: "email", type: "email", autocomplete: "email", maxlength: 320 });
  const startBtn = h("button", { type: "submit", class: "primary" }, "Start chat");
  const introForm = h(
    "form",
    { class: "intro", novalidate: true },
    introGreeting,
    h("p", { class: "hint" }, "Tell us who you are, so we can follow up — both fields are optional."),
    h("label", { for: "iw-name" }, "Name"),
    nameInput,
    h("label", { for: "iw-email" }, "Email"),
    emailInput,
    startBtn,
  );

  const logGreeting = h("div", { class: "msg msg--agent" }, h("div", { class: "bubble" }));
  const log = h("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": "Messages", tabindex: 0 });
  log.append(logGreeting);

  const textarea = h("textarea", { "aria-label": "Message", rows: 1, maxlength: MAX_TEXT_LENGTH, placeholder: "Write a message…" });
  const sendBtn = h("button", { type: "submit", class: "send" }, "Send");
  const composer = h("form", { class: "composer" }, textarea, sendBtn);
  const unavailable = h("p", { class: "unavailable" }, UNAVAILABLE);

  const panel = h(
    "div",
    { class: "panel", id: "iw-panel", role: "dialog", "aria-label": "Chat", hidden: true },
    header,
    alertBox,
    loading,
    introForm,
    log,
    composer,
    unavailable,
  );
  const badge = h("span", { class: "badge", "aria-hidden": "true", hidden: true });
  const launcher = h(
    "button",
    { type: "button", class: "launcher", "aria-label": "Open chat", "aria-expanded": "false", "aria-controls": "iw-panel" },
    icon(...ICONS.chat),
    badge,
  );
  const container = h("div", { class: "root" }, panel, launcher);
  if (style) root.append(style);
  root.append(container);

  // ---- events ----
  const open = (value: boolean) => controller.setOpen(value);
  launcher.addEventListener("click", () => open(!controller.state().open));
  closeBtn.addEventListener("click", () => {
    open(false);
    launcher.focus();
  });
  panel.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      open(false);
      launcher.focus();
    }
  });
  alertClose.addEventListener("click", () => controller.dismissAlert());
  introForm.addEventListener("submit", (e) => {
    e.preventDefault();
    void controller.startChat({ name: nameInput.value, email: emailInput.value });
  });
  composer.addEventListener("submit", (e) => {
    e.preventDefault();
    sendDraft();
  });
  textarea.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      sendDraft();
    }
  });
  textarea.addEventListener("input", autosize);

  function sendDraft(): void {
    if (controller.send(textarea.value)) {
      textarea.value = "";
      autosize();
      stickToBottom = true;
    }
    textarea.focus();
  }
  function autosize(): void {
    textarea.style.height = "auto";
    textarea.style.height = `${Math.min(textarea.scrollHeight + 2, 140)}px`;
  }

  // ---- messages ----
  const rows = new Map<string, { item: ChatItem; el: HTMLElement; canChoose: boolean; chosen: string | null }>();
  const timeFmt = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
  let stickToBottom = true;
  log.addEventListener("scroll", () => {
    stickToBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 60;
  });
  const scrollToEnd = () => {
    log.scrollTop = log.scrollHeight;
  };
  // The log also changes height when the alert or the composer grows, or an image loads.
  const resizeObserver = typeof ResizeObserver === "function" ? new ResizeObserver(() => stickToBottom && scrollToEnd()) : null;
  resizeObserver?.observe(log);

  function content(item: ChatItem, canChoose: boolean, chosen: string | null): Node[] {
    const c = item.content;
    const url = "url" in c ? safeUrl(c.url, origin) : null;
    switch (c.kind) {
      case "text":
        return [document.createTextNode(c.text)];
      case "image": {
        if (!url) return [document.createTextNode(previewOf(c))];
        const img = h("img", { src: url, alt: c.caption ?? "Image", loading: "lazy" });
        img.addEventListener("load", () => stickToBottom && scrollToEnd());
        return [h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, img), c.caption ? h("div", { class: "caption" }, c.caption) : null].filter(Boolean) as Node[];
      }
      case "video":
        return url ? [h("video", { src: url, controls: true, preload: "metadata" }), c.caption ? h("div", { class: "caption" }, c.caption) : null].filter(Boolean) as Node[] : [document.createTextNode(previewOf(c))];
      case "audio":
        return url ? [h("audio", { src: url, controls: true, preload: "metadata" })] : [document.createTextNode(previewOf(c))];
      case "file":
        return url ? [h("a", { href: url, target: "_blank", rel: "noopener noreferrer", download: c.filename }, previewOf(c))] : [document.createTextNode(previewOf(c))];
      case "location": {
        const map = `https://www.openstreetmap.org/?mlat=${c.latitude}&mlon=${c.longitude}#map=16/${c.latitude}/${c.longitude}`;
        const label = [c.name, c.address].filter(Boolean).join(", ") || "Location";
        return [h("a", { href: map, target: "_blank", rel: "noopener noreferrer" }, `📍 ${label}`)];
      }
      case "buttons":
      case "quick_replies": {
        const choices = c.kind === "buttons" ? c.buttons : c.replies;
        const list = h("div", { class: "choices", role: "group", "aria-label": "Choose a reply" });
        for (const choice of choices) {
          const picked = choice.id === chosen;
          const b = h(
            "button",
            { type: "button", class: picked ? "choice choice--chosen" : "choice", disabled: !canChoose, "aria-pressed": chosen === null ? null : String(picked) },
            picked ? `✓ ${choice.title}` : choice.title,
          );
          // A tap answers with the choice's title, as a platform's button reply does, and its id.
          b.addEventListener("click", () => {
            if (controller.send(choice.title, choice.id)) stickToBottom = true;
          });
          list.append(b);
        }
        return [document.createTextNode(c.text), list];
      }
      case "unsupported":
        return [document.createTextNode(previewOf(c))];
    }
  }

  function meta(item: ChatItem): HTMLElement | null {
    if (item.state === "failed") {
      const retry = h("button", { type: "button", class: "link-btn" }, "Retry");
      retry.addEventListener("click", () => controller.retry(item.clientId!));
      return h("div", { class: "meta" }, `Not sent: ${item.error ?? "error"} · `, retry);
    }
    if (item.state === "sending") {
      return h("div", { class: "meta", "aria-hidden": "true" }, item.retrying ? "Sending… (waiting for connection)" : "Sending…");
    }
    if (item.from === "system") return null;
    const read = item.from === "customer" && item.status === "read" ? " · Seen" : "";
    return h("div", { class: "meta", "aria-hidden": "true" }, timeFmt.format(item.createdAt) + read);
  }

  function row(item: ChatItem, canChoose: boolean, chosen: string | null): HTMLElement {
    const kind = item.from === "customer" ? "customer" : item.from === "system" ? "system" : "agent";
    const cls = ["msg", `msg--${kind}`];
    if (item.state === "sending") cls.push("msg--pending");
    if (item.state === "failed") cls.push("msg--failed");
    return h(
      "div",
      { class: cls.join(" "), "data-key": item.key },
      kind === "agent" && item.senderName ? h("div", { class: "sender" }, item.senderName) : null,
      h("div", { class: "bubble" }, ...content(item, canChoose, chosen)),
      meta(item),
    );
  }

  function renderItems(state: WidgetState): void {
    const available = state.config?.available ?? false;
    const seen = new Set<string>();
    let prev: Element = logGreeting;
    const answered = chosenReplies(state.items);
    const offers = state.items.filter((i) => i.from !== "customer" && (i.content.kind === "buttons" || i.content.kind === "quick_replies"));
    const latestOffer = offers[offers.length - 1]?.key;
    state.items.forEach((item) => {
      seen.add(item.key);
      // Only the newest offer can be answered, and only once.
      const chosen = answered.get(item.key) ?? null;
      const canChoose = available && item.key === latestOffer && chosen === null;
      let entry = rows.get(item.key);
      if (!entry || entry.item !== item || entry.canChoose !== canChoose || entry.chosen !== chosen) {
        const el = row(item, canChoose, chosen);
        if (entry) entry.el.replaceWith(el);
        entry = { item, el, canChoose, chosen };
        rows.set(item.key, entry);
      }
      if (prev.nextElementSibling !== entry.el) prev.after(entry.el);
      prev = entry.el;
    });
    for (const [key, entry] of rows) {
      if (!seen.has(key)) {
        entry.el.remove();
        rows.delete(key);
      }
    }
    // Stay pinned to the newest message unless the customer scrolled up to read history.
    if (stickToBottom) scrollToEnd();
  }

  // ---- state → DOM ----
  let wasOpen = false;
  let lastPhase: WidgetState["phase"] | null = null;
  let connectionTimer: ReturnType<typeof setTimeout> | null = null;
  let showConnection = false;

  function render(state: WidgetState): void {
    host.hidden = state.phase === "gone";
    const cfg = state.config;
    const available = cfg?.available ?? true;

    const accent = cfg?.color && CSS.supports("color", cfg.color) ? cfg.color : DEFAULT_ACCENT;
    container.style.setProperty("--accent", accent);
    container.style.setProperty("--on-accent", textColorOn(accent));

    title.textContent = cfg?.name ?? "Chat";
    panel.setAttribute("aria-label", cfg?.name ?? "Chat");
    introGreeting.textContent = cfg?.greeting ?? "";
    introGreeting.hidden = !cfg?.greeting;
    (logGreeting.firstChild as HTMLElement).textContent = cfg?.greeting ?? "";
    logGreeting.hidden = !cfg?.greeting;

    // Connection status, shown only after a grace period.
    const down = state.phase === "chat" && state.connection !== "open";
    if (down && !showConnection && !connectionTimer) {
      connectionTimer = setTimeout(() => {
        connectionTimer = null;
        showConnection = true;
        render(controller.state());
      }, CONNECTION_GRACE_MS);
    } else if (!down) {
      if (connectionTimer) clearTimeout(connectionTimer);
      connectionTimer = null;
      showConnection = false;
    }
    subtitle.textContent = !available ? "Unavailable" : down && showConnection ? "Connecting…" : "";
    subtitle.hidden = !subtitle.textContent;

    alertText.textContent = state.alert ?? "";
    alertBox.hidden = !state.alert;

    const phase = state.phase;
    loading.hidden = phase !== "loading";
    introForm.hidden = phase !== "intro" || !available;
    log.hidden = phase !== "chat";
    composer.hidden = phase !== "chat" || !available;
    unavailable.hidden = !((phase === "intro" || phase === "chat") && !available);
    // Without a conversation to show, the notice is the whole panel body.
    unavailable.classList.toggle("unavailable--alone", phase !== "chat");
    startBtn.disabled = state.starting;
    startBtn.textContent = state.starting ? "Starting…" : "Start chat";
    nameInput.disabled = emailInput.disabled = state.starting;

    renderItems(state);

    badge.textContent = state.unread > 9 ? "9+" : String(state.unread);
    badge.hidden = state.unread === 0 || state.open;
    launcher.setAttribute("aria-expanded", String(state.open));
    panel.hidden = !state.open;

    // Focus the next thing to do when the panel opens or the phase changes while open.
    if (state.open && (!wasOpen || phase !== lastPhase)) {
      if (!wasOpen) stickToBottom = true;
      if (phase === "chat") scrollToEnd();
      const target = phase === "chat" && available ? textarea : phase === "intro" && available ? nameInput : closeBtn;
      queueMicrotask(() => target.focus());
    }
    wasOpen = state.open;
    lastPhase = phase;
  }

  const unsubscribe = controller.subscribe(render);
  render(controller.state());
  return () => {
    unsubscribe();
    resizeObserver?.disconnect();
    if (connectionTimer) clearTimeout(connectionTimer);
    container.remove();
    style?.remove();
  };
}
