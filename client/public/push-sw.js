// @ts-check
/// <reference lib="webworker" />
/**
 * Web Push in the app's service worker (issue 16), imported by the generated worker
 * (vite.config.ts, workbox `importScripts`). The server's push (shared/api/push.ts PushPayload)
 * carries words only: shown as a notification's title and body text, never as HTML; one tag per
 * conversation, so a newer push about a chat replaces the older notification without ringing
 * twice (also what makes a push the server sent again after a crash harmless).
 */
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const OPEN_CONVERSATION_MESSAGE = "inbox:open-conversation";

/** WebKit (Safari, iOS) takes away the subscription of a site whose pushes show nothing. */
const webkit = /AppleWebKit/.test(navigator.userAgent) && !/Chrome|Chromium|Edg\//.test(navigator.userAgent);

/** @param {unknown} v @param {number} max */
const text = (v, max) => (typeof v === "string" ? v.slice(0, max) : "");

/** Only a path of this app: a push can never send the click elsewhere. */
/** @param {unknown} url */
const appPath = (url) => (typeof url === "string" && url.startsWith("/") && !url.startsWith("//") ? url : "/");

/** @param {ExtendableEvent} event @param {Promise<unknown>} work */
function keepAlive(event, work) {
  try {
    event.waitUntil(work);
  } catch {
    // A synthetic event (a test's) cannot be extended; the work runs all the same.
  }
}

sw.addEventListener("push", (event) => {
  keepAlive(event, show(event));
});

/** @param {PushEvent} event */
async function show(event) {
  /** @type {Record<string, unknown>} */
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  const windows = await sw.clients.matchAll({ type: "window", includeUncontrolled: true });
  // The app in front already rings for it (bell, sound): no second alert, except where WebKit requires one.
  const inFront = windows.some((w) => w.focused && w.visibilityState === "visible");
  if (inFront && !webkit) return;
  const conversationId = text(data.conversationId, 128);
  await sw.registration.showNotification(text(data.title, 200) || "Inbox", {
    body: text(data.body, 500),
    tag: text(data.tag, 100) || undefined,
    icon: "/icon-192.png",
    badge: "/icon-192.png",
    data: { url: appPath(data.url), conversationId },
  });
}

sw.addEventListener("notificationclick", (event) => {
  event.notification.close();
  keepAlive(event, open(event.notification.data ?? {}));
});

/** Focuses an open app window and asks it to show the chat; with none open, opens the app at it. */
/** @param {{ url?: unknown; conversationId?: unknown }} data */
async function open(data) {
  const url = appPath(data.url);
  const conversationId = text(data.conversationId, 128);
  const windows = await sw.clients.matchAll({ type: "window", includeUncontrolled: true });
  const app = windows.find((w) => new URL(w.url).origin === sw.location.origin);
  if (app) {
    app.postMessage({ type: OPEN_CONVERSATION_MESSAGE, conversationId });
    try {
      await app.focus();
    } catch {
      // Focusing needs the click's permission; the chat is open in the window either way.
    }
    return;
  }
  await sw.clients.openWindow(url);
}

// The browser renewed the subscription (its push service rotated it): the server gets the new one.
// The old address is forgotten by the server when its push service answers that it is gone.
sw.addEventListener("pushsubscriptionchange", (event) => {
  const change = /** @type {ExtendableEvent & { oldSubscription?: PushSubscription | null; newSubscription?: PushSubscription | null }} */ (event);
  keepAlive(change, renew(change.oldSubscription ?? null, change.newSubscription ?? null));
});

/** @param {PushSubscription | null} old @param {PushSubscription | null} fresh */
async function renew(old, fresh) {
  const key = old?.options.applicationServerKey;
  const sub = fresh ?? (key ? await sw.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }) : null);
  if (!sub) return;
  // Same origin: the signed-in person's session cookie goes along; signed out, the server refuses (401) and nothing changes.
  await fetch("/api/push/subscribe", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(sub.toJSON()) });
}
