/**
 * A reply's attachment waits on this device (`local-upload:<id>`) until the outbox uploads it.
 * Meanwhile its bubble shows the kept file itself, offline too, through an object URL that is
 * revoked when the bubble goes or its url changes (the server's message replaces the pending one).
 */
import { createEffect, createSignal, onCleanup, type Accessor } from "solid-js";
import { safeUrl } from "../../format/safe-url.ts";
import { isLocalUpload } from "../../sync/kept-upload-ref.ts";

/** Looks a `local-upload:` url up on the device: the kept file, or its url once uploaded. */
export type FindKept = (url: string) => Promise<{ blob: Blob } | { url: string } | null>;

export interface ObjectUrls {
  create(blob: Blob): string;
  revoke(url: string): void;
}

export interface ResolvedMedia {
  /** What may become a src or href; null when there is nothing to show. */
  url: string | null;
  /** Frees the object URL, if one was made. Safe to call more than once. */
  release(): void;
}

const nothing = () => {};


export async function resolveMediaUrl(raw: string, base: string, find: FindKept | null, urls: ObjectUrls): Promise<ResolvedMedia> {
  if (!isLocalUpload(raw)) return { url: safeUrl(raw, base), release: nothing };
  const kept = find ? await find(raw).catch(() => null) : null;
  if (!kept) return { url: null, release: nothing };
  // Uploaded already (the reply is on its way): the server's copy.
  if ("url" in kept) return { url: safeUrl(kept.url, base), release: nothing };
  const url = urls.create(kept.blob);
  let released = false;
  return {
    url,
    release: () => {
      if (released) return;
      released = true;
      urls.revoke(url);
    },
  };
}

export type MediaUrl = { state: "waiting" } | { state: "ready"; url: string } | { state: "missing" };

const browserUrls: ObjectUrls = { create: (b) => URL.createObjectURL(b), revoke: (u) => URL.revokeObjectURL(u) };

/** A message's media url, ready to render: ordinary urls at once, kept files once read from the device. */
export function createMediaUrl(raw: Accessor<string>, find: FindKept | null): Accessor<MediaUrl> {
  const [local, setLocal] = createSignal<MediaUrl>({ state: "waiting" });
  createEffect(() => {
    const url = raw();
    if (!isLocalUpload(url)) return;
    let gone = false;
    let held: ResolvedMedia | null = null;
    setLocal({ state: "waiting" });
    void resolveMediaUrl(url, location.href, find, browserUrls).then((r) => {
      if (gone) return r.release();
      held = r;
      setLocal(r.url ? { state: "ready", url: r.url } : { state: "missing" });
    });
    onCleanup(() => {
      gone = true;
      held?.release();
    });
  });
  return () => {
    const url = raw();
    if (isLocalUpload(url)) return local();
    const safe = safeUrl(url, location.href);
    return safe ? { state: "ready", url: safe } : { state: "missing" };
  };
}
