/** The agent's numbers for today in the header's popover (a chunk of its own: MyNumbers loads it when opened). */
import { createResource, Show } from "solid-js";
import { request } from "../api/http.ts";
import { MyNumbersSchema } from "@inbox/shared";
import { shortDuration } from "./format.ts";
import { t } from "./messages.ts";

export function MyNumbersPopover() {
  // Fetched each time the popover opens, so the numbers are today's without any polling.
  const [numbers] = createResource(() => request("/api/me/today", { schema: MyNumbersSchema }));
  return (
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
  );
}
