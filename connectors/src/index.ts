export type { Connector, ConnectorCapabilities, OutboundMessage, SendResult } from "./connector.ts";
export { createWebchatConnector, type WidgetDelivery } from "../webchat/index.ts";
