import { z } from "zod";
import { createApi, liveUrl, serverOrigin } from "./api.ts";
import { createController } from "./controller.ts";
import { chooseLanguage, stringsFor } from "./i18n.ts";
import { browserSocket } from "./live.ts";
import { createSessionStore, memoryStorage, type StorageLike } from "./session.ts";
import { mountView } from "./view.ts";

/**
 * Entry point of widget.js. A website embeds it with
 *   <script src="https://HOST/widget.js" data-inbox-id="INBOX_ID" async></script>
 * and the widget talks to HOST (taken from its own src), not to the website. It speaks the
 * visitor's language (their browser's preferences: English, Brazilian Portuguese or Spanish);
 * `data-lang="pt-BR"` (or "en", "es") on the tag decides instead.
 */

// Never evaluate code with `new Function`: host pages often have a strict CSP.
z.config({ jitless: true });

const HOST_TAG = "inbox-chat-widget";

// document.currentScript is only set while this file first runs, so read it right away.
const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[data-inbox-id][src*="widget"]') ??
  document.querySelector<HTMLScriptElement>("script[data-inbox-id]");

function localStorageOrMemory(): StorageLike {
  try {
    const s = window.localStorage;
    const probe = "inbox-widget:probe";
    s.setItem(probe, "1");
    s.removeItem(probe);
    return s;
  } catch {
    return memoryStorage();
  }
}

function mount(el: HTMLScriptElement): void {
  const inboxId = el.dataset.inboxId?.trim();
  if (!inboxId) {
    console.warn("[inbox widget] the script tag needs a data-inbox-id attribute");
    return;
  }
  // Loaded twice (say, by a tag manager and by hand)? Keep the first one.
  const existing = document.querySelectorAll(HOST_TAG);
  for (const e of existing) if (e.getAttribute("data-inbox-id") === inboxId) return;

  const origin = serverOrigin(el.src || el.getAttribute("src") || "", document.baseURI);
  const host = document.createElement(HOST_TAG);
  host.setAttribute("data-inbox-id", inboxId);
  const root = host.attachShadow({ mode: "open" });
  document.body.append(host);

  const language = chooseLanguage(navigator.languages?.length ? navigator.languages : [navigator.language], el.dataset.lang);
  const strings = stringsFor(language);
  const controller = createController({
    strings,
    api: createApi({ origin, inboxId }),
    sessions: createSessionStore(localStorageOrMemory(), inboxId),
    connect: browserSocket,
    liveUrl: (ticket) => liveUrl(origin, inboxId, ticket),
  });
  mountView({ root, host, controller, origin, language, strings });

  const wake = () => controller.wake();
  window.addEventListener("online", wake);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") wake();
  });
  void controller.init();
}

if (!script) {
  console.warn("[inbox widget] could not find its <script data-inbox-id> tag");
} else if (document.body) {
  mount(script);
} else {
  document.addEventListener("DOMContentLoaded", () => mount(script), { once: true });
}
