/**
 * "Snooze" and its menu: in 1 hour, tonight, tomorrow morning, next week, or a date and time of
 * the agent's choosing. Snoozing is a status command through the outbox like any other; the
 * server wakes the conversation when the time comes (or sooner, if the customer writes).
 */
import { createSignal, For, onCleanup, Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { formatDateTime } from "../format/time.ts";
import { t } from "./messages.ts";
import { parseLocalDateTime, snoozeOptions, toLocalDateTimeValue, type SnoozeChoice } from "./snooze-times.ts";

const CHOICE_LABEL: Record<SnoozeChoice, "snoozeHour" | "snoozeTonight" | "snoozeTomorrow" | "snoozeNextWeek"> = {
  hour: "snoozeHour",
  tonight: "snoozeTonight",
  tomorrow: "snoozeTomorrow",
  nextWeek: "snoozeNextWeek",
};

export interface SnoozeMenuHandle {
  open(): void;
}

export function SnoozeMenu(props: { conversationId: string; ref?: (handle: SnoozeMenuHandle) => void }) {
  const { local } = useAppState();
  const [open, setOpen] = createSignal(false);
  const [custom, setCustom] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [now, setNow] = createSignal(Date.now());
  let button!: HTMLButtonElement;
  let menu: HTMLDivElement | undefined;

  const show = () => {
    setNow(Date.now());
    setCustom(false);
    setError(null);
    setOpen(true);
    queueMicrotask(() => menu?.querySelector<HTMLElement>("[role=menuitem]")?.focus());
  };
  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) button.focus();
  };
  props.ref?.({ open: show });

  const snooze = async (until: number) => {
    if (until <= Date.now()) {
      setError(t("snoozePast"));
      return;
    }
    try {
      await local.enqueue({ clientId: crypto.randomUUID(), conversationId: props.conversationId, type: "status", status: "snoozed", snoozedUntil: until });
      close();
    } catch (err) {
      console.error(err);
      setError(t("saveFailed"));
    }
  };

  // A click anywhere else closes the menu, as menus do.
  const onDocumentClick = (e: MouseEvent) => {
    if (open() && !menu?.contains(e.target as Node) && e.target !== button && !button.contains(e.target as Node)) close(false);
  };
  document.addEventListener("click", onDocumentClick);
  onCleanup(() => document.removeEventListener("click", onDocumentClick));

  const onMenuKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      close();
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const items = [...(menu?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    e.preventDefault();
    items[(at + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
  };

  return (
    <div class="snooze">
      <button
        ref={button}
        type="button"
        class="btn"
        aria-haspopup="menu"
        aria-expanded={open()}
        onClick={() => (open() ? close() : show())}
      >
        {t("snooze")}
      </button>
      <Show when={open()}>
        <div ref={menu} class="snooze-menu" onKeyDown={onMenuKeyDown}>
          <div role="menu" aria-label={t("snoozeMenu")}>
            <For each={snoozeOptions(now())}>
              {(o) => (
                <button type="button" role="menuitem" class="snooze-item" onClick={() => void snooze(o.until)}>
                  <span>{t(CHOICE_LABEL[o.choice])}</span>
                  <span class="snooze-when">{formatDateTime(o.until)}</span>
                </button>
              )}
            </For>
            <button type="button" role="menuitem" class="snooze-item" aria-expanded={custom()} onClick={() => setCustom(!custom())}>
              {t("snoozeCustom")}
            </button>
          </div>
          <Show when={custom()}>
            <form
              class="snooze-custom"
              onSubmit={(e) => {
                e.preventDefault();
                const value = new FormData(e.currentTarget).get("until");
                const until = typeof value === "string" ? parseLocalDateTime(value) : null;
                if (until === null) setError(t("snoozePast"));
                else void snooze(until);
              }}
            >
              <label>
                <span>{t("snoozeCustomLabel")}</span>
                <input type="datetime-local" name="until" required min={toLocalDateTimeValue(now())} value={toLocalDateTimeValue(now() + 3_600_000)} />
              </label>
              <button type="submit" class="btn btn-primary">
                {t("snoozeCustomSubmit")}
              </button>
            </form>
          </Show>
          <Show when={error()}>
            <p class="snooze-error" role="alert">
              {error()}
            </p>
          </Show>
        </div>
      </Show>
    </div>
  );
}
