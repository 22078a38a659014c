/**
 * Session slice: who is signed in (MeResponse) and the sign-in/sign-out commands.
 * "unreachable" is its own state: a signed-in agent who opens the app offline must not be told
 * to sign in again, only that the server can't be reached.
 */
import type { MeResponse } from "@inbox/shared";
import { createSignal, onCleanup, type Accessor } from "solid-js";
import { createStore } from "solid-js/store";
import { api } from "../api/endpoints.ts";
import { ApiError, onUnauthenticated } from "../api/http.ts";

const RETRY_MIN_MS = 3_000;
const RETRY_MAX_MS = 30_000;

export type SessionStatus = "loading" | "signedOut" | "signedIn" | "unreachable";

export interface SessionSlice {
  status: Accessor<SessionStatus>;
  me: Accessor<MeResponse | null>;
  /** Resolves once /api/me has loaded; rejects with an ApiError the form shows. */
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Asks the server again (e.g. after "Try again" or when the browser comes back online). */
  reload(): Promise<void>;
}

export function createSessionSlice(): SessionSlice {
  const [state, setState] = createStore<{ status: SessionStatus; me: MeResponse | null }>({
    status: "loading",
    me: null,
  });
  const [signingOut, setSigningOut] = createSignal(false);

  const reload = async () => {
    try {
      const me = await api.me();
      setState({ status: "signedIn", me });
    } catch (err) {
      const unreachable = err instanceof ApiError && (err.code === "network" || err.status >= 500);
      setState({ status: unreachable ? "unreachable" : "signedOut", me: null });
    }
    scheduleRetry();
  };

  const signIn = async (email: string, password: string) => {
    await api.login({ email, password });
    const me = await api.me();
    setState({ status: "signedIn", me });
  };

  const signOut = async () => {
    if (signingOut()) return;
    setSigningOut(true);
    try {
      await api.logout();
    } catch {
      // Offline: the cookie may outlive this, but the screen must still stop showing the inbox.
    } finally {
      setSigningOut(false);
      setState({ status: "signedOut", me: null });
    }
  };

  // Any request answered "unauthenticated" (session expired elsewhere) ends the session here.
  const stop = onUnauthenticated(() => {
    if (state.status === "signedIn") setState({ status: "signedOut", me: null });
  });
  onCleanup(stop);

  // Coming back after an offline start: try again by itself, at once when the browser says it
  // is online, and every few seconds (backing off) for a server that was down or restarting.
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = RETRY_MIN_MS;
  const scheduleRetry = () => {
    clearTimeout(retryTimer);
    if (state.status !== "unreachable") {
      retryDelay = RETRY_MIN_MS;
      return;
    }
    retryTimer = setTimeout(() => {
      retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
      void reload();
    }, retryDelay);
  };
  const onOnline = () => {
    if (state.status === "unreachable") void reload();
  };
  window.addEventListener("online", onOnline);
  onCleanup(() => {
    window.removeEventListener("online", onOnline);
    clearTimeout(retryTimer);
  });

  void reload();

  return {
    status: () => state.status,
    me: () => state.me,
    signIn,
    signOut,
    reload,
  };
}
