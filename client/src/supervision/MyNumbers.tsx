/** The agent's own numbers for today, in a header popover (agents have no board). */
import { createResource, createSignal, Show } from "solid-js";
import { request } from "../api/http.ts";
import { MyNumbersSchema } from "@inbox/shared";
import { shortDuration } from "./format.ts";
import { t } from "./messages.ts";

export function MyNumbers() {
  const [open, setOpen] = createSignal(false);
  // Fetched each time the popover opens, so the numbers are today's without any polling.
  const [numbers] = createResource(open, (isOpen) => (isOpen ? request("/api/me/today", { schema: MyNumbersSchema }) : undefined));
  return (
    <div class="my-numbers">
      <button type="button" class="btn btn-ghost" aria-expanded={open()} onClick={() => setOpen(!open())}>
        {t("myToday")}
      </button>
      <Show when={open()}>
        <div class="popover my-numbers-popover" role="dialog" aria-label={t("myTodayTitle")}>
          <strong>{t("myTodayTitle")}</strong>
          <Show when={!numbers.error} fallback={<p role="alert">{t("myError")}</p>}>
            <Show when={numbers()}>
              {(n) => (
                <ul>
                  <li data-my="handled">{t("handled", { count: n().handledToday })}</li>
                  <li data-my="first-response">{t("firstResponse", { value: n().medianFirstResponseMs === null ? t("none") : shortDuration(n().medianFirstResponseMs!) })}</li>
                  <li data-my="load">{t("myLoad", { load: n().load, capacity: n().capacity })}</li>
                </ul>
              )}
            </Show>
          </Show>
        </div>
      </Show>
    </div>
  );
}
