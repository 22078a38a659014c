/**
 * The conversation's images, one at a time, in a modal dialog: Esc or Close to leave (focus
 * returns to the image that opened it), arrow keys or the buttons for the previous and next
 * image of the whole conversation.
 */
import { createEffect, Show } from "solid-js";
import { t } from "./messages.ts";

export interface ViewerImage {
  messageId: string;
  url: string;
  alt: string;
  caption: string | null;
}

export function ImageViewer(props: { images: readonly ViewerImage[]; openId: string | null; onOpen: (messageId: string) => void; onClose: () => void }) {
  let dialog!: HTMLDialogElement;
  let opener: HTMLElement | null = null;
  const index = () => props.images.findIndex((i) => i.messageId === props.openId);
  const current = () => props.images[index()] ?? null;
  const go = (step: number) => {
    const next = props.images[index() + step];
    if (next) props.onOpen(next.messageId);
  };

  createEffect(() => {
    const open = current() !== null;
    if (open && !dialog.open) {
      opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  });

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "ArrowLeft") {
      e.preventDefault();
      go(-1);
    } else if (e.key === "ArrowRight") {
      e.preventDefault();
      go(1);
    }
  };

  return (
    <dialog
      ref={dialog}
      class="image-viewer"
      aria-label={t("viewer")}
      onKeyDown={onKeyDown}
      onClose={() => {
        props.onClose();
        opener?.focus();
        opener = null;
      }}
      // A click on the backdrop (the dialog itself, outside the figure) closes it.
      onClick={(e) => e.target === dialog && dialog.close()}
    >
      <Show when={current()}>
        {(img) => (
          <div class="image-viewer-body">
            <div class="image-viewer-bar">
              <span class="image-viewer-count" aria-live="polite">
                {t("imageOf", { index: index() + 1, count: props.images.length })}
              </span>
              <a class="btn btn-small" href={img().url} download="" target="_blank" rel="noopener noreferrer">
                {t("downloadImage")}
              </a>
              <button type="button" class="btn btn-small" onClick={() => dialog.close()} autofocus>
                {t("close")}
              </button>
            </div>
            <figure class="image-viewer-figure">
              <img src={img().url} alt={img().alt} />
              <Show when={img().caption}>
                <figcaption>{img().caption}</figcaption>
              </Show>
            </figure>
            <div class="image-viewer-nav">
              <button type="button" class="btn" onClick={() => go(-1)} disabled={index() <= 0} aria-label={t("previousImage")}>
                ‹
              </button>
              <button type="button" class="btn" onClick={() => go(1)} disabled={index() >= props.images.length - 1} aria-label={t("nextImage")}>
                ›
              </button>
            </div>
          </div>
        )}
      </Show>
    </dialog>
  );
}
