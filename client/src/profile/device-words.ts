/** A device of the list in words: "Chrome on Linux", in the UI's language. */
import type { Device } from "@inbox/shared/api/account";
import { t } from "./messages.ts";

export function deviceName(d: Pick<Device, "browser" | "os">): string {
  return t("device", { browser: d.browser ?? t("unknownBrowser"), os: d.os ?? t("unknownOs") });
}
