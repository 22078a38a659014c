/** The IANA zones this browser knows, for the time zone picker (the current one always listed). */
export function timeZoneChoices(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    // An old browser without the list: the current zone and UTC, and the admin can still save.
  }
  return [...new Set(["UTC", current, ...zones])].filter(Boolean).sort((a, b) => (a === "UTC" ? -1 : b === "UTC" ? 1 : a.localeCompare(b)));
}
