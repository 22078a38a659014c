/**
 * The open conversation's channel capabilities for the composer: the copy on this device
 * first (`kv` key `composer.caps.<channel>`, so limits are checked offline too), then the
 * server's answer when online, stored for next time. Capabilities belong to the channel type,
 * so one copy serves every inbox of it. The Composer makes the one copy its reply box and
 * template picker both check against.
 */
import type { ChannelType, Inbox } from "@inbox/shared";
import { ChannelCapabilitiesSchema, type ChannelCapabilities } from "@inbox/shared/api/uploads";
import { createEffect, createSignal, on, onCleanup, type Accessor } from "solid-js";
import type { LocalDb } from "../local/db.ts";
import { fetchCapabilities } from "../api/uploads.ts";

const kvKey = (channel: ChannelType) => `composer.caps.${channel}`;

export function createCapabilities(inbox: Accessor<Inbox | null>, db: Accessor<LocalDb | null>, online: Accessor<boolean>): Accessor<ChannelCapabilities | null> {
  const [caps, setCaps] = createSignal<{ channel: ChannelType; caps: ChannelCapabilities } | null>(null);
  createEffect(
    on([() => inbox()?.id, () => inbox()?.channel, db, online], ([id, channel, d, isOnline]) => {
      if (!id || !channel || !d) return;
      let current = true;
      void (async () => {
        const stored = ChannelCapabilitiesSchema.safeParse((await d.kv.get(kvKey(channel)).catch(() => undefined))?.value);
        if (current && stored.success && caps()?.channel !== channel) setCaps({ channel, caps: stored.data });
        if (!isOnline) return;
        try {
          const fresh = await fetchCapabilities(id);
          if (!current) return;
          setCaps({ channel, caps: fresh });
          await d.kv.put({ key: kvKey(channel), value: fresh });
        } catch {
          // Offline or refused: the stored copy (if any) stays in use.
        }
      })();
      onCleanup(() => (current = false));
    }),
  );
  return () => {
    const c = caps();
    return c && c.channel === inbox()?.channel ? c.caps : null;
  };
}
