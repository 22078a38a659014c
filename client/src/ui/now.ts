/** The current time as a signal that ticks, for labels like "Yesterday" that age by themselves. */
import { createSignal, onCleanup, type Accessor } from "solid-js";

export function createNow(intervalMs: number): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), intervalMs);
  onCleanup(() => clearInterval(timer));
  return now;
}
