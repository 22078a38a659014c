import { createSignal, onCleanup, type Accessor } from "solid-js";

// One clock for every countdown on screen: a single timer updates one signal, and only the
// countdowns that read it re-render (not the list around them). It runs while any is shown.
const [now, setNow] = createSignal(Date.now());
let users = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/** The shared clock (epoch ms, ticking each second); call inside a component. */
export function useSlaClock(): Accessor<number> {
  if (users++ === 0) {
    setNow(Date.now());
    timer = setInterval(() => setNow(Date.now()), 1_000);
  }
  onCleanup(() => {
    if (--users === 0) clearInterval(timer);
  });
  return now;
}
