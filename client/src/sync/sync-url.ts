/** The y-websocket server URL of this origin: same host, ws:// or wss:// to match the page. */
export function syncServerUrl(loc: Pick<Location, "protocol" | "host">): string {
  return `${loc.protocol === "https:" ? "wss:" : "ws:"}//${loc.host}/sync`;
}
