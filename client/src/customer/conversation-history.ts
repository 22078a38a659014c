/**
 * The open conversation's recorded history for the panel (assignments, the latest satisfaction
 * rating), fetched once and kept on the device like the panel's other server-only data. Read
 * again when the chat changes hands, and when the customer's newest message may be a rating
 * (which changes nothing else about the chat).
 */
import { DomainEventSchema, type Conversation, type DomainEvent, type Message } from "@inbox/shared";
import { latestRatingLike } from "@inbox/shared/domain/csat";
import { createEffect, on, type Accessor } from "solid-js";
import { z } from "zod";
import type { LocalDb } from "../local/db.ts";
import { contactApi } from "./contact-api.ts";
import { createCachedRequest, type CachedRequest } from "./contact-cache.ts";

const EventsSchema = z.array(DomainEventSchema);

export function createConversationHistory(args: {
  db: Accessor<LocalDb | null>;
  conversation: Accessor<Conversation>;
  /** The open conversation's messages, in timeline order. */
  messages: Accessor<readonly Message[]>;
}): CachedRequest<DomainEvent[]> {
  const id = () => args.conversation().id;
  const events = createCachedRequest(args.db, () => `events.${id()}`, async () => (await contactApi.events(id())).events, EventsSchema);
  createEffect(
    on(
      () => `${args.conversation().assigneeId}|${latestRatingLike(args.messages())}`,
      () => events.refetch(),
      { defer: true },
    ),
  );
  return events;
}
