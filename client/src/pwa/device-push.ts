/**
 * Web Push on this device (issue 16): whether it can ring while the app is closed, and turning
 * that on and off. The service worker's push manager subscribes with the server's VAPID key and
 * the subscription is handed to the server; `push-sw.js` (public/) shows what arrives.
 */
import { PushKeyResponseSchema, PushSubscribeResponseSchema } from "@inbox/shared/api/push";
import { request } from "../api/http.ts";

/**
 * - `unsupported`: this browser has no Web Push.
 * - `install`: iOS / iPadOS Safari: push works only for the app added to the Home Screen.
 * - `unavailable`: this server sends no pushes.
 * - `blocked`: the person (or a policy) refused notifications to this site in the browser.
 * - `on` / `off`: this device is subscribed, or not.
 */
export type DevicePushState = "unsupported" | "install" | "unavailable" | "blocked" | "on" | "off";

function isAppleMobile(): boolean {
  const ua = navigator.userAgent;
  // iPadOS says "Macintosh" but has touch.
  return /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
}

function isInstalled(): boolean {
  return matchMedia("(display-mode: standalone)").matches || (navigator as Navigator & { standalone?: boolean }).standalone === true;
}

function supported(): boolean {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!supported()) return null;
  // The app registers its worker at start; a page that has none yet waits for it briefly.
  return Promise.race([navigator.serviceWorker.ready, new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000))]);
}

async function serverKey(): Promise<string | null> {
  return (await request("/api/push/key", { schema: PushKeyResponseSchema })).publicKey;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64url.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function sameKey(sub: PushSubscription, key: string): boolean {
  const current = sub.options.applicationServerKey;
  if (!current) return false;
  const a = new Uint8Array(current);
  const b = keyBytes(key);
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export async function devicePushState(): Promise<DevicePushState> {
  if (!supported()) return isAppleMobile() && !isInstalled() ? "install" : "unsupported";
  if (Notification.permission === "denied") return "blocked";
  if (!(await serverKey())) return "unavailable";
  const reg = await registration();
  if (!reg) return "unsupported";
  const sub = await reg.pushManager.getSubscription();
  return sub && Notification.permission === "granted" ? "on" : "off";
}

/** Call from a click (browsers ask for permission only then). Answers the state it reached. */
export async function turnDevicePushOn(): Promise<DevicePushState> {
  if (!supported()) return devicePushState();
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return permission === "denied" ? "blocked" : "off";
  const key = await serverKey();
  if (!key) return "unavailable";
  const reg = await registration();
  if (!reg) return "unsupported";
  let sub = await reg.pushManager.getSubscription();
  // Subscribed with another server's (or an older) key: that subscription cannot carry ours.
  if (sub && !sameKey(sub, key)) {
    await sub.unsubscribe();
    sub = null;
  }
  sub ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) });
  const answer = await request("/api/push/subscribe", { method: "POST", body: sub.toJSON(), schema: PushSubscribeResponseSchema });
  return answer.subscribed ? "on" : "unavailable";
}

/** Stops pushes to this device: the server forgets it, then the browser does. */
export async function turnDevicePushOff(): Promise<DevicePushState> {
  const reg = await registration();
  const sub = await reg?.pushManager.getSubscription();
  if (sub) {
    await request("/api/push/unsubscribe", { method: "POST", body: { endpoint: sub.endpoint } });
    await sub.unsubscribe();
  }
  return devicePushState();
}

/**
 * When this device's session ends (sign-out, or the server says it is over): the browser's own
 * subscription goes, so nothing reaches this device for the person who left it, and Profile shows
 * "off" to whoever signs in next (who turns it on for themselves). The server needs no word: its
 * copy belonged to the session and went with it (migration 0033). Best effort and never waited
 * for by sign-out: a browser whose push service does not answer only delays this.
 */
export async function forgetDevicePush(): Promise<void> {
  if (!supported()) return;
  const reg = await navigator.serviceWorker.getRegistration();
  const sub = await reg?.pushManager.getSubscription();
  await sub?.unsubscribe();
}
