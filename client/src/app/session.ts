/**
 * Session slice: who is signed in (MeResponse) and the sign-in/sign-out commands.
 *
 * The signed-in user is remembered on this device (me-cache.ts), so the installed app opens
 * straight into the inbox with no network; /api/me is asked in the background once the list has
 * drawn (the REST layer is a chunk loaded then, issue 17) and a 401 still signs out.
 * "unreachable" remains for a start with no remembered user and no server.
 * Signing out wipes this user's local data (wipe.ts); a different user signing in on the same
 * browser first wipes the data left by the previous one.
 *
 * Two-factor sign-in: the password step may answer a challenge, which `signInWithCode` completes.
 * A session the workspace holds at two-factor enrolment is "enrolling": `me` stays null (so no
 * slice opens the device's data or rooms) and `enrolment` carries who it is for the enrolment screen.
 */
import type { MeResponse } from "@inbox/shared";
import { createEffect, createMemo, createSignal, onCleanup, untrack, type Accessor } from "solid-js";
import { loadApi } from "../api/load-api.ts";
import { ApiError, networkMessage, onAccessChanged, onTwoFactorRequired, onUnauthenticated } from "../api/http.ts";
import { wipeLocalData } from "../local/wipe.ts";
import { forgetCachedMe, localStorageOrNull, readCachedMe, readOwner, sessionAfterMeFailure, writeCachedMe } from "./me-cache.ts";
import { forgetSessionHint, mayHaveSession } from "./session-hint.ts";

const RETRY_MIN_MS = 3_000;
const RETRY_MAX_MS = 30_000;
const START_CHECK_MAX_WAIT_MS = 3_000;

export type SessionStatus = "loading" | "signedOut" | "signedIn" | "enrolling" | "unreachable";

export interface SessionSlice {
  status: Accessor<SessionStatus>;
  me: Accessor<MeResponse | null>;
  /** Who must set up two-factor sign-in before anything else (status "enrolling"). */
  enrolment: Accessor<MeResponse | null>;
  /**
   * Resolves once /api/me has loaded, or with the challenge when the account uses two-factor
   * sign-in (then `signInWithCode`); rejects with an ApiError the form shows.
   */
  signIn(email: string, password: string): Promise<{ challenge: string } | null>;
  signInWithCode(challenge: string, code: string): Promise<void>;
  /** Sends what can still be sent, then signs out and wipes this user's local data. */
  signOut(): Promise<void>;
  signingOut: Accessor<boolean>;
  /** Asks the server again (e.g. after "Try again" or when the browser comes back online). */
  reload(): Promise<void>;
  /** Work to do before sign-out wipes the device (the outbox's last chance to send). */
  beforeSignOut(hook: () => Promise<void>): () => void;
}

/**
 * `listDrawn`: true once the inbox has drawn its first rows. A remembered user's check with the
 * server waits for it (at the latest START_CHECK_MAX_WAIT_MS): the API layer's chunk it loads is
 * not part of the inbox's first load (issue 17).
 */
export function createSessionSlice(listDrawn: Accessor<boolean>): SessionSlice {
  const storage = localStorageOrNull();
  const remembered = readCachedMe(storage);
  // One signal read through memos: each part notifies only when it changes, as a store's fields
  // would, without solid-js/store in the inbox's first load (issue 17).
  const [state, setState] = createSignal<{ status: SessionStatus; me: MeResponse | null; enrolment: MeResponse | null }>(
    remembered ? { status: "signedIn", me: remembered, enrolment: null } : { status: "loading", me: null, enrolment: null },
  );
  const status = createMemo(() => state().status);
  const me = createMemo(() => state().me);
  const enrolment = createMemo(() => state().enrolment);
  const [signingOut, setSigningOut] = createSignal(false);
  const hooks = new Set<() => Promise<void>>();

  /** The server confirmed who this is: remember them, and clear another user's leftovers first. */
  const adopt = async (me: MeResponse) => {
    const owner = readOwner(storage);
    if (owner && owner !== me.user.id) {
      const current = state().me;
      if (current && current.user.id !== me.user.id) setState({ status: "loading", me: null, enrolment: null });
      await wipeLocalData(owner, { keepStorage: true });
    }
    if (me.account?.mustEnrolTwoFactor) {
      // Not remembered: an offline start must not open the inbox the server would refuse.
      forgetCachedMe(storage);
      setState({ status: "enrolling", me: null, enrolment: me });
      return;
    }
    writeCachedMe(storage, me);
    setState({ status: "signedIn", me, enrolment: null });
  };

  /** The session is gone (401): back to sign-in. Local data stays for this user's next sign-in. */
  const endSession = () => {
    forgetCachedMe(storage);
    forgetSessionHint();
    setState({ status: "signedOut", me: null, enrolment: null });
  };

  // Bumped by sign-out: an /api/me answer that set out before it must not sign this device back in.
  let signOuts = 0;
  const reload = async () => {
    const asked = signOuts;
    try {
      const me = await (await loadApi()).me();
      if (asked !== signOuts) return;
      await adopt(me);
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError("network", networkMessage(), 0);
      const next = sessionAfterMeFailure(state().status === "signedIn", error);
      if (next === "signedOut") endSession();
      else if (next === "unreachable") setState({ status: "unreachable", me: null, enrolment: null });
      // "keep": a remembered user works offline; the next request that reaches the server decides.
    }
    scheduleRetry();
  };

  const signIn = async (email: string, password: string) => {
    const api = await loadApi();
    const answer = await api.login({ email, password });
    if ("twoFactor" in answer) return { challenge: answer.challenge };
    await adopt(await api.me());
    return null;
  };

  const signInWithCode = async (challenge: string, code: string) => {
    const api = await loadApi();
    await api.loginCode(challenge, code);
    await adopt(await api.me());
  };

  const signOut = async () => {
    if (signingOut()) return;
    setSigningOut(true);
    signOuts += 1;
    const userId = state().me?.user.id ?? null;
    try {
      for (const hook of hooks) {
        try {
          await hook();
        } catch (err) {
          console.warn("A sign-out step failed", err);
        }
      }
      try {
        await (await loadApi()).logout();
      } catch {
        // Offline: the cookie may outlive this, but this device forgets everything below.
      }
    } finally {
      // Forgotten before sign-in shows: a reload while the wipe below runs must not reopen the inbox.
      forgetCachedMe(storage);
      forgetSessionHint();
      // Closes the rooms and the local database (the slices follow `me`), then wipes them.
      setState({ status: "signedOut", me: null, enrolment: null });
      await wipeLocalData(userId);
      setSigningOut(false);
    }
  };

  // Any request answered "unauthenticated" (session expired elsewhere) ends the session here.
  const stop = onUnauthenticated(() => {
    if (state().status === "signedIn" || state().status === "enrolling") endSession();
  });
  onCleanup(stop);
  // The workspace started requiring two-factor sign-in: /api/me says so, and the app goes to enrolment.
  const stopEnrolment = onTwoFactorRequired(() => {
    if (state().status === "signedIn") void reload();
  });
  onCleanup(stopEnrolment);
  // An admin changed this person's role or teams: a room closed on them; the new /api/me opens the right ones.
  const stopAccess = onAccessChanged(() => {
    if (state().status === "signedIn") void reload();
  });
  onCleanup(stopAccess);

  // Coming back after an offline start with no remembered user: try again by itself, at once
  // when the browser says it is online, and every few seconds (backing off) for a server that
  // was down or restarting.
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = RETRY_MIN_MS;
  const scheduleRetry = () => {
    clearTimeout(retryTimer);
    if (state().status !== "unreachable") {
      retryDelay = RETRY_MIN_MS;
      return;
    }
    retryTimer = setTimeout(() => {
      retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
      void reload();
    }, retryDelay);
  };
  const onOnline = () => {
    if (state().status === "unreachable" || state().status === "signedIn") void reload();
  };
  window.addEventListener("online", onOnline);
  onCleanup(() => {
    window.removeEventListener("online", onOnline);
    clearTimeout(retryTimer);
  });

  // No remembered user and no session cookie beside the hint: sign-in at once, without asking
  // /api/me for a 401 the browser would log on every visit.
  if (remembered) {
    // The device's copy opens the inbox; the server is asked once the list has drawn from it.
    let asked = false;
    const ask = () => {
      if (asked) return;
      asked = true;
      clearTimeout(waitTimer);
      void reload();
    };
    const waitTimer = setTimeout(ask, START_CHECK_MAX_WAIT_MS);
    onCleanup(() => clearTimeout(waitTimer));
    createEffect(() => listDrawn() && untrack(ask));
  } else if (mayHaveSession()) void reload();
  else setState({ status: "signedOut", me: null, enrolment: null });

  return {
    status,
    me,
    enrolment,
    signIn,
    signInWithCode,
    signOut,
    signingOut,
    reload,
    beforeSignOut(hook) {
      hooks.add(hook);
      return () => hooks.delete(hook);
    },
  };
}
