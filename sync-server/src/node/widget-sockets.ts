import type { UpgradeWebSocket } from "hono/ws";
import type { Core } from "../core.ts";
import type { WidgetSocketGateway } from "../sync/socket-gateway.ts";
import { handleVisitorFrame } from "../widget/visitor-socket.ts";
import type { WidgetPeer } from "../widget/widget-hub.ts";

/** Node's widget sockets: registered in this process's WidgetHub, which `core.widgetPush` reaches. */
export function nodeWidgetSockets(core: Core, upgradeWebSocket: UpgradeWebSocket): WidgetSocketGateway {
  return {
    handle(c, visitor) {
      let peer: WidgetPeer | null = null;
      return upgradeWebSocket(c, {
        onOpen(_evt, ws) {
          peer = { send: (text) => ws.send(text) };
          core.widgets.add(visitor.contactId, peer);
        },
        onMessage(evt, ws) {
          void handleVisitorFrame(core, visitor, evt.data, (frame) => ws.send(JSON.stringify(frame)));
        },
        onClose() {
          if (peer) core.widgets.remove(visitor.contactId, peer);
        },
      });
    },
  };
}
