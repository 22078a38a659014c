/**
 * Which screen the signed-in user is on: the inbox ("/") or the admin settings ("/settings",
 * optionally "?reconnect=<inbox id>" to open that channel's reconnect form). Real paths, so the
 * browser's back button works and a reload stays put (the server and the service worker answer
 * every app path with the app shell).
 *
 * "/media/<key>" is the server's: an attachment opened in its own tab. The app only sees it when
 * the service worker answered that navigation with the app shell; it then shows the attachment.
 */
import { createSignal, onCleanup, type Accessor } from "solid-js";

export type Route =
  | { screen: "inbox" }
  | { screen: "settings"; reconnect: string | null }
  | { screen: "media"; path: string }
  /** "/supervision" (the boards) and "/supervision/wall" (the wall display). */
  | { screen: "supervision"; wall: boolean }
  /** "/invite#<token>": accepting an invitation (the token stays in the fragment, out of server logs). */
  | { screen: "invite" }
  /** "/profile": the signed-in person's own account (everyone). */
  | { screen: "profile" }
  /** "/reports": the Reports screen (everyone signed in; the server scopes the numbers). */
  | { screen: "reports" };

const MEDIA_PATH = /^\/media\/[A-Za-z0-9._-]{1,128}$/;

export function parseRoute(pathname: string, search: string): Route {
  if (MEDIA_PATH.test(pathname)) return { screen: "media", path: pathname };
  const trimmed = pathname.replace(/\/+$/, "");
  if (trimmed === "/invite") return { screen: "invite" };
  if (trimmed === "/profile") return { screen: "profile" };
  if (trimmed === "/reports") return { screen: "reports" };
  if (trimmed === "/supervision" || trimmed === "/supervision/wall") return { screen: "supervision", wall: trimmed.endsWith("/wall") };
  if (pathname.replace(/\/+$/, "") === "/settings") {
    const reconnect = new URLSearchParams(search).get("reconnect");
    return { screen: "settings", reconnect: reconnect && /^[A-Za-z0-9_-]{1,128}$/.test(reconnect) ? reconnect : null };
  }
  return { screen: "inbox" };
}

export function routeHref(route: Route): string {
  if (route.screen === "inbox") return "/";
  if (route.screen === "media") return route.path;
  if (route.screen === "invite") return "/invite";
  if (route.screen === "profile") return "/profile";
  if (route.screen === "reports") return "/reports";
  if (route.screen === "supervision") return route.wall ? "/supervision/wall" : "/supervision";
  return route.reconnect ? `/settings?reconnect=${encodeURIComponent(route.reconnect)}` : "/settings";
}

export interface RouteSlice {
  route: Accessor<Route>;
  navigate(route: Route, opts?: { replace?: boolean }): void;
}

export function createRouteSlice(): RouteSlice {
  const read = () => parseRoute(location.pathname, location.search);
  const [route, setRoute] = createSignal<Route>(read(), { equals: (a, b) => routeHref(a) === routeHref(b) });
  const onPop = () => setRoute(read());
  window.addEventListener("popstate", onPop);
  onCleanup(() => window.removeEventListener("popstate", onPop));
  return {
    route,
    navigate(next, opts = {}) {
      const href = routeHref(next);
      if (href !== location.pathname + location.search) {
        if (opts.replace) history.replaceState(null, "", href);
        else history.pushState(null, "", href);
      }
      setRoute(next);
    },
  };
}
