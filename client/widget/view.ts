import { MAX_TEXT_LENGTH, type MessageContent } from "@inbox/shared/domain/message";
import { greetingFor, type WidgetLanguage } from "@inbox/shared/domain/widget-appearance";
import type { Controller, WidgetState } from "./controller.ts";
import { ICONS, h, icon, safeUrl } from "./dom.ts";
import type { WidgetStrings } from "./i18n.ts";
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
  language: WidgetLanguage;
  strings: WidgetStrings;
}

/** What a message the widget can't show in full is, in the visitor's words. */
function previewIn(s: WidgetStrings, c: MessageContent): string {
  switch (c.kind) {
    case "text":
    case "buttons":
    case "quick_replies":
      return c.text;
    case "image":
      return c.caption ? `📷 ${c.caption}` : `📷 ${s.image}`;
    case "video":
      return `🎬 ${s.video}`;
    case "audio":
      return `🎵 ${s.audio}`;
    case "file":
      return `📎 ${c.filename}`;
    case "location":
      return `📍 ${c.name ?? s.location}`;
    case "unsupported":
      return s.unsupported;
  }
}
/** Only show "Connecting…" if the socket stays down this long: no flash on every page load. */
const CONNECTION_GRACE_MS = 2000;

export function mountView({ root, host, controller, origin, language, strings: s }: ViewOptions): () => void {
  const previewOf = (c: MessageContent) => previewIn(s, c);
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
  const avatar = h("img", { class: "avatar", alt: "", hidden: true });
  const closeBtn = h("button", { type: "button", class: "icon-btn", "aria-label": s.closeChat }, icon(...ICONS.close));
  const header = h("header", { class: "header" }, avatar, h("div", { class: "titles" }, title, subtitle), closeBtn);

  const alertText = h("span", { class: "alert-text" });
  const alertClose = h("button", { type: "button", class: "icon-btn", "aria-label": s.dismiss }, icon(...ICONS.close));
  const alertBox = h("div", { class: "alert", role: "alert", hidden: true }, alertText, alertClose);

  const loading = h("p", { class: "status" }, s.connecting);
  const notice = h("p", { class: "notice", role: "status", hidden: true });

  const introGreeting = h("p", { class: "greeting" });
  const nameInput = h("input", { id: "iw-name", name: "name", type: "text", autocomplete: "name", maxlength: 200 });
  const emailInput = h("input", { id: "iw-email", name: "email", type: "email", autocomplete: "email", maxlength: 320 });
  const startBtn = h("button", { type: "submit", class: "primary" }, s.startChat);
  const introForm = h(
    "form",
    { class: "intro", novalidate: true },
    introGreeting,
    h("p", { class: "hint" }, s.introHint),
    h("label", { for: "iw-name" }, s.name),
    nameInput,
    h("label", { for: "iw-email" }, s.email),
    emailInput,
    startBtn,
  );

  // Leave a message: closed, or nobody available. Every field is needed: the reply goes by email.
  const leaveHint = h("p", { class: "hint" });
  const leaveName = h("input", { id: "iw-leave-name", name: "name", type: "text", autocomplete: "name", maxlength: 200, required: true });
  const leaveEmail = h("input", { id: "iw-leave-email", name: "email", type: "email", autocomplete: "email", maxlength: 320, required: true });
  const leaveText = h("textarea", { id: "iw-leave-text", name: "message", rows: 4, maxlength: MAX_TEXT_LENGTH, required: true });
  const leaveBtn = h("button", { type: "submit", class: "primary" }, s.sendMessage);
  const leaveForm = h(
    "form",
    { class: "intro leave", novalidate: true },
    leaveHint,
    h("label", { for: "iw-leave-name" }, s.name),
    leaveName,
    h("label", { for: "iw-leave-email" }, s.email),
    leaveEmail,
    h("label", { for: "iw-leave-text" }, s.yourMessage),
    leaveText,
    leaveBtn,
  );

  // Asked once when the visitor leaves before an answer.
  const askInput = h("input", { id: "iw-ask-email", name: "email", type: "email", autocomplete: "email", maxlength: 320 });
  const askSave = h("button", { type: "submit", class: "primary" }, s.saveEmail);
  const askNo = h("button", { type: "button", class: "link-btn" }, s.noThanks);
  const askForm = h(
    "form",
    { class: "ask-email", novalidate: true },
    h("label", { for: "iw-ask-email" }, s.askEmail),
    askInput,
    h("div", { class: "ask-actions" }, askSave, askNo),
  );

  const logGreeting = h("div", { class: "msg msg--agent" }, h("div", { class: "bubble" }));
  const log = h("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": s.messages, tabindex: 0 });
  const typingLine = h("p", { class: "typing", "aria-live": "polite", hidden: true });
  log.append(logGreeting);

  const textarea = h("textarea", { "aria-label": s.message, rows: 1, maxlength: MAX_TEXT_LENGTH, placeholder: s.placeholder });
  const sendBtn = h("button", { type: "submit", class: "send" }, s.send);
  const composer = h("form", { class: "composer" }, textarea, sendBtn);
  const unavailable = h("p", { class: "unavailable" }, s.unavailable);

  const panel = h(
    "div",
    { class: "panel", id: "iw-panel", role: "dialog", "aria-label": s.chat, hidden: true },
    header,
    alertBox,
    notice,
    loading,
    // The leave-a-message form takes the intro form's place when shown (never both: same labels).
    introForm,
    log,
    typingLine,
    composer,
    unavailable,
  );
  const badge = h("span", { class: "badge", "aria-hidden": "true", hidden: true });
  const launcher = h(
    "button",
    { type: "button", class: "launcher", "aria-label": s.openChat, "aria-expanded": "false", "aria-controls": "iw-panel" },
    icon(...ICONS.chat),
    badge,
  );
  const container = h("div", { class: "root", lang: language }, panel, launcher);
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
  leaveForm.addEventListener("submit", (e) => {
    e.preventDefault();
    void controller.leaveMessage({ name: leaveName.value, email: leaveEmail.value, text: leaveText.value });
  });
  askForm.addEventListener("submit", (e) => {
    e.preventDefault();
    void controller.saveEmail(askInput.value);
  });
  askNo.addEventListener("click", () => controller.declineEmail());
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
  textarea.addEventListener("input", () => {
    autosize();
    if (textarea.value.trim()) controller.typing();
  });

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
  const timeFmt = new Intl.DateTimeFormat(language, { hour: "numeric", minute: "2-digit" });
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
        const img = h("img", { src: url, alt: c.caption ?? s.image, loading: "lazy" });
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
        const label = [c.name, c.address].filter(Boolean).join(", ") || s.location;
        return [h("a", { href: map, target: "_blank", rel: "noopener noreferrer" }, `📍 ${label}`)];
      }
      case "buttons":
      case "quick_replies": {
        const choices = c.kind === "buttons" ? c.buttons : c.replies;
        const list = h("div", { class: "choices", role: "group", "aria-label": s.chooseReply });
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
      const retry = h("button", { type: "button", class: "link-btn" }, s.retry);
      retry.addEventListener("click", () => controller.retry(item.clientId!));
      return h("div", { class: "meta" }, s.notSent(item.error ?? s.notSentGeneric), retry);
    }
    if (item.state === "sending") {
      return h("div", { class: "meta", "aria-hidden": "true" }, item.retrying ? s.sendingWaiting : s.sending);
    }
    if (item.from === "system") return null;
    const read = item.from === "customer" && item.status === "read" ? s.seen : "";
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
  let wasAsking = false;
  let lastPhase: WidgetState["phase"] | null = null;
  let connectionTimer: ReturnType<typeof setTimeout> | null = null;
  let showConnection = false;

  function render(state: WidgetState): void {
    host.hidden = state.phase === "gone";
    const phase = state.phase;
    const cfg = state.config;
    const available = cfg?.available ?? true;

    const accent = cfg?.color && CSS.supports("color", cfg.color) ? cfg.color : DEFAULT_ACCENT;
    container.style.setProperty("--accent", accent);
    container.style.setProperty("--on-accent", textColorOn(accent));

    const name = cfg?.teamName || cfg?.name || s.chat;
    title.textContent = name;
    panel.setAttribute("aria-label", name);
    container.classList.toggle("root--left", cfg?.position === "bottom-left");
    // Only a picture the server checked, as a data URL: never a link to elsewhere.
    const picture = cfg?.avatar && /^data:image\/(png|jpeg|webp);base64,/.test(cfg.avatar) ? cfg.avatar : null;
    if (picture && avatar.getAttribute("src") !== picture) avatar.setAttribute("src", picture);
    avatar.hidden = !picture;
    const greeting = cfg ? greetingFor(cfg, language) : "";
    introGreeting.textContent = greeting;
    introGreeting.hidden = !greeting;
    (logGreeting.firstChild as HTMLElement).textContent = greeting;
    logGreeting.hidden = !greeting;

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
    subtitle.textContent = !available ? s.unavailableShort : down && showConnection ? s.connecting : "";
    subtitle.hidden = !subtitle.textContent;

    alertText.textContent = state.alert ?? "";
    alertBox.hidden = !state.alert;
    notice.textContent = state.notice ?? "";
    notice.hidden = !state.notice;
    typingLine.textContent = state.agentTyping && phase === "chat" ? s.typing(state.agentTyping) : "";
    typingLine.hidden = !typingLine.textContent;
    // In the page only while asked, so its label never stands in for the other email fields.
    const asking = state.askEmail && phase === "chat";
    if (asking && !askForm.isConnected) composer.before(askForm);
    if (!asking && askForm.isConnected) askForm.remove();
    askSave.disabled = state.savingEmail;
    leaveHint.textContent = cfg?.offlineReason === "nobody" ? s.leaveNobody : s.leaveClosed;
    leaveForm.hidden = phase !== "leave" || !available;
    if (phase === "leave" && introForm.isConnected) introForm.replaceWith(leaveForm);
    if (phase !== "leave" && leaveForm.isConnected) leaveForm.replaceWith(introForm);
    leaveBtn.disabled = state.leaving;
    leaveBtn.textContent = state.leaving ? s.sendingMessage : s.sendMessage;
    leaveName.disabled = leaveEmail.disabled = leaveText.disabled = state.leaving;

    loading.hidden = phase !== "loading";
    introForm.hidden = phase !== "intro" || !available;
    log.hidden = phase !== "chat";
    composer.hidden = phase !== "chat" || !available;
    unavailable.hidden = !((phase === "intro" || phase === "leave" || phase === "chat") && !available);
    // Without a conversation to show, the notice is the whole panel body.
    unavailable.classList.toggle("unavailable--alone", phase !== "chat");
    startBtn.disabled = state.starting;
    startBtn.textContent = state.starting ? s.starting : s.startChat;
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
      const target = phase === "chat" && available ? textarea : phase === "intro" && available ? nameInput : phase === "leave" && available ? leaveName : closeBtn;
      queueMicrotask(() => target.focus());
    }
    if (state.open && state.askEmail && !wasAsking) queueMicrotask(() => askInput.focus());
    wasAsking = state.askEmail;
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
