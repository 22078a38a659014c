/**
 * "The customer is typing…" for the open web chat conversation. The server writes the visitor's
 * typing into the conversation room (renewed every few seconds while they type, cleared when they
 * send or pause); a state not renewed for a while is treated as stopped here, so a visitor whose
 * tab closed mid-word does not look like they type forever. Time is measured on this device from
 * when the state arrived (devices' clocks differ from the server's), with the server's own time
 * only ruling out a state left from long ago (a room loaded long after the visitor left).
 */
import { createEffect, createSignal, onCleanup, type Accessor } from "solid-js";
import type { CustomerTyping } from "@inbox/shared/api/widget";

/** Longer than the server's renewal (4 s) plus the widget's (3 s). */
export const CUSTOMER_TYPING_SHOWN_MS = 8_000;
/** A state older than this by the server's clock is left over, whatever this device's clock says. */
const STALE_MS = 60_000;

export function customerTypingNow(state: CustomerTyping | null, receivedAt: number, now: number): boolean {
  if (!state?.typing) return false;
  if (Math.abs(now - state.at) > STALE_MS) return false;
  return now - receivedAt < CUSTOMER_TYPING_SHOWN_MS;
}

export function createCustomerTyping(state: Accessor<CustomerTyping | null>): Accessor<boolean> {
  const [shown, setShown] = createSignal(false);
  createEffect(() => {
    const value = state();
    const receivedAt = Date.now();
    setShown(customerTypingNow(value, receivedAt, receivedAt));
    if (!value?.typing) return;
    const timer = setTimeout(() => setShown(false), CUSTOMER_TYPING_SHOWN_MS);
    onCleanup(() => clearTimeout(timer));
  });
  return shown;
}
