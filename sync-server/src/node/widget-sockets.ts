import type { UpgradeWebSocket } from "hono/ws";
import type { Core } from "../core.ts";
import { CLOSE_TOO_MANY } from "../rooms/peer.ts";
import type { WidgetSocketGateway } from "../widget/index.ts";
import { handleVisitorFrame } from "../widget/index.ts";
import type { WidgetPeer } from "../widget/index.ts";
import { tooManySockets } from "../widget/index.ts";

/** Node's widget sockets: registered in this process's WidgetHub by visitor, which `core.widgetPush` reaches. */
export function nodeWidgetSockets(core: Core, upgradeWebSocket: UpgradeWebSocket): WidgetSocketGateway {
  return {
    handle(c, visitor) {
      const limit = core.widgetLimits.socketsPerVisitor;
      if (core.widgets.count(visitor.visitorId) >= limit) throw tooManySockets();
      let peer: WidgetPeer | null = null;
      return upgradeWebSocket(c, {
        onOpen(_evt, ws) {
          // Upgrades that raced past the check above are closed here.
          if (core.widgets.count(visitor.visitorId) >= limit) return ws.close(CLOSE_TOO_MANY, "Too many connections");
          peer = { send: (text) => ws.send(text) };
          core.widgets.add(visitor.visitorId, peer);
        },
        onMessage(evt, ws) {
          if (!peer) return;
          void handleVisitorFrame(core, visitor, evt.data, (frame) => ws.send(JSON.stringify(frame)));
        },
        onClose() {
          if (peer) core.widgets.remove(visitor.visitorId, peer);
        },
      });
    },
  };
}
