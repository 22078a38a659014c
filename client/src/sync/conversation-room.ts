/**
 * The live timeline of the selected conversation: the `conv.<id>` room, reopened whenever the
 * selection changes and closed when nothing is selected.
 */
import { CustomerTypingSchema, type CustomerTyping } from "@inbox/shared/api/widget";
import {
  CONV_MESSAGES,
  CONV_META,
  CONV_META_CUSTOMER_TYPING,
  CONV_META_KEY,
  ConversationSchema,
  MessageSchema,
  roomName,
  type Conversation,
  type Message,
} from "@inbox/shared";
import { createMemo, type Accessor } from "solid-js";
import type * as Y from "yjs";
import type { RoomStatus } from "./connection.ts";
import { openRoom } from "./room.ts";
import { createYMapKey, createYMapValues } from "./y-map-accessor.ts";

export interface ConversationRoom {
  conversationId: string;
  status: Accessor<RoomStatus>;
  synced: Accessor<boolean>;
  /** Unsorted; the timeline sorts with inTimelineOrder. */
  messages: Accessor<Message[]>;
  conversation: Accessor<Conversation | null>;
  /** The web chat visitor's typing signal, as the server last wrote it. */
  customerTyping: Accessor<CustomerTyping | null>;
}

export function createConversationRoom(conversationId: Accessor<string | null>): Accessor<ConversationRoom | null> {
  // A memo owns the room, so switching conversations destroys the previous room first.
  return createMemo(() => {
    const id = conversationId();
    if (!id) return null;
    const room = openRoom(roomName({ kind: "conv", id }));
    const messages = room.doc.getMap(CONV_MESSAGES) as Y.Map<unknown>;
    const meta = room.doc.getMap(CONV_META) as Y.Map<unknown>;
    return {
      conversationId: id,
      status: room.status,
      synced: room.synced,
      messages: createYMapValues(messages, MessageSchema, "message"),
      conversation: createYMapKey(meta, CONV_META_KEY, ConversationSchema),
      customerTyping: createYMapKey(meta, CONV_META_CUSTOMER_TYPING, CustomerTypingSchema),
    };
  });
}
