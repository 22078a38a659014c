/**
 * Channel state slice: a clock that moves rate-limit pauses along, and the admins' alerts about
 * channels that broke (token expired) or hit the platform's limit, from the team rooms' live
 * channel states.
 */
import { can } from "@inbox/shared";
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from "solid-js";
import type { SessionSlice } from "../app/index.ts";
import type { ConversationsSlice } from "../conversation-list/index.ts";
import { channelAlerts, reuseAlerts, type ChannelAlert } from "./channel-alerts.ts";

/** Pauses end on the minute shown ("until 14:32"), so a few seconds late is fine. */
const TICK_MS = 10_000;

export interface ChannelsSlice {
  /** Now, ticking: pauses that ended stop showing without a reload. */
  now: Accessor<number>;
  isAdmin: Accessor<boolean>;
  /** For admins only; empty for everyone else. */
  alerts: Accessor<ChannelAlert[]>;
  dismissAlert(key: string): void;
}

export function createChannelsSlice(session: SessionSlice, conversations: ConversationsSlice): ChannelsSlice {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), TICK_MS);
  onCleanup(() => clearInterval(timer));

  // Channel alerts (and the way to reconnect) go to whoever manages channels.
  const isAdmin = createMemo(() => can(session.me()?.user, "manageChannels"));
  const [dismissed, setDismissed] = createSignal<ReadonlySet<string>>(new Set());
  // Another user signing in starts with their own alerts.
  createEffect(on(() => session.me()?.user.id, () => setDismissed(new Set<string>()), { defer: true }));

  const alerts = createMemo<ChannelAlert[]>(
    (prev) => reuseAlerts(isAdmin() ? channelAlerts(conversations.inboxes().values(), dismissed(), { now: now() }) : [], prev),
    [],
  );

  return {
    now,
    isAdmin,
    alerts,
    dismissAlert: (key) => setDismissed((prev) => new Set([...prev, key])),
  };
}
