/**
 * External tickets (issue tracker, CRM case) linked to the conversation: a title and a web
 * address each. Adding and removing need the server (each is recorded in the conversation's
 * history); the last list seen stays readable offline.
 */
import { LinkTicketRequestSchema, LinkedTicketSchema } from "@inbox/shared/api/contacts";
import { createSignal, For, Show } from "solid-js";
import { z } from "zod";
import { ApiError } from "../api/http.ts";
import { firstIssueWords } from "../api/constraint-words.ts";
import { useAppState } from "../app/index.ts";
import { safeUrl } from "../format/safe-url.ts";
import { contactApi } from "./contact-api.ts";
import { createCachedRequest } from "./contact-cache.ts";
import { ErrorMessage } from "../ui/ErrorMessage.tsx";
import { t } from "./messages.ts";

const TicketsSchema = z.array(LinkedTicketSchema);

export function LinkedTickets(props: { conversationId: string }) {
  const { local } = useAppState();
  const tickets = createCachedRequest(
    local.db,
    () => `tickets.${props.conversationId}`,
    async () => (await contactApi.tickets(props.conversationId)).tickets,
    TicketsSchema,
  );
  const [title, setTitle] = createSignal("");
  const [url, setUrl] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const online = () => local.browserOnline();

  const failed = (err: unknown) => setError(err instanceof ApiError ? err.message : t("ticketsOffline"));
  const add = async () => {
    setError(null);
    const parsed = LinkTicketRequestSchema.safeParse({ title: title(), url: url().trim() });
    if (!parsed.success) {
      setError(firstIssueWords(parsed.error.issues, null));
      return;
    }
    setBusy(true);
    try {
      const { ticket } = await contactApi.linkTicket(props.conversationId, parsed.data);
      tickets.set([...(tickets.data() ?? []), ticket]);
      setTitle("");
      setUrl("");
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string) => {
    setError(null);
    try {
      await contactApi.unlinkTicket(props.conversationId, id);
      tickets.set((tickets.data() ?? []).filter((x) => x.id !== id));
    } catch (err) {
      failed(err);
    }
  };

  return (
    <section class="info-section" aria-labelledby="info-tickets-title">
      <h3 id="info-tickets-title">{t("tickets")}</h3>
      <Show when={(tickets.data() ?? []).length > 0} fallback={<p class="muted small">{tickets.loading() ? t("loading") : t("noTickets")}</p>}>
        <ul class="ticket-list" aria-label={t("tickets")}>
          <For each={tickets.data() ?? []}>
            {(ticket) => (
              <li class="ticket-item">
                <Show when={safeUrl(ticket.url, location.href)} fallback={<span>{ticket.title}</span>}>
                  {(href) => (
                    <a href={href()} target="_blank" rel="noopener noreferrer">
                      {ticket.title}
                    </a>
                  )}
                </Show>
                <button
                  type="button"
                  class="label-remove"
                  aria-label={t("removeTicket", { title: ticket.title })}
                  disabled={!online()}
                  onClick={() => void remove(ticket.id)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form
        class="ticket-add"
        aria-label={t("linkTicket")}
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input aria-label={t("ticketTitle")} placeholder={t("ticketTitle")} maxLength={200} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
        <input type="url" aria-label={t("ticketUrl")} placeholder="https://" maxLength={2048} value={url()} onInput={(e) => setUrl(e.currentTarget.value)} />
        <button type="submit" class="btn btn-ghost" disabled={busy() || !online()}>
          {t("linkTicket")}
        </button>
      </form>
      <Show when={!online()}>
        <p class="muted small">{t("ticketsOffline")}</p>
      </Show>
      <ErrorMessage message={error()} />
    </section>
  );
}
