/**
 * "Assign…" for supervisors and admins: choose who gets the chat, seeing each person's chats
 * against their capacity and their availability (read when the panel opens; the device's last
 * copy offline). Giving a chat to someone at capacity asks first ("Ana has 3 of 3 chats. Assign
 * anyway?"). An optional reason is recorded in the history and told to the agents involved.
 * "Send back to queue" unassigns. Each is an outbox command carrying who the supervisor saw
 * assigned: if someone moved the chat meanwhile, the server refuses and the supervisor is told.
 */
import type { Conversation } from "@inbox/shared";
import { createSignal, For, Show } from "solid-js";
import { asApiError } from "../../api/http.ts";
import { useAppState } from "../../app/index.ts";
import { formatClock } from "../../format/time.ts";
import { candidatesFor, type Candidate } from "./candidates.ts";
import { HeaderPopover } from "./HeaderPopover.tsx";
import { t } from "./messages.ts";
import { fetchLoads, type StoredLoads } from "./supervise-api.ts";

export function AssignMenu(props: { conversation: Conversation }) {
  const { local } = useAppState();
  const [loads, setLoads] = createSignal<(StoredLoads & { cached: boolean }) | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  // Numbers are read afresh at each opening (the last ones may be another chat's, minutes old).
  const refresh = () => {
    setLoads(null);
    setError(null);
    fetchLoads(local.db()).then(setLoads, (err) => setError(asApiError(err).message));
  };
  return (
    <HeaderPopover label={t("assign")} title={t("assignTitle")} onOpen={refresh}>
      {(close) => <AssignPanel conversation={props.conversation} loads={loads()} error={error()} close={close} />}
    </HeaderPopover>
  );
}

function AssignPanel(props: { conversation: Conversation; loads: (StoredLoads & { cached: boolean }) | null; error: string | null; close(): void }) {
  const { selection, session } = useAppState();
  const [chosen, setChosen] = createSignal<string | null>(null);
  const [asking, setAsking] = createSignal<Candidate | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);
  let reasonInput!: HTMLInputElement;
  const candidates = () => (props.loads ? candidatesFor(props.loads.loads, props.conversation.teamId, props.conversation.assigneeId) : []);
  const send = async (assigneeId: string | null, override = false) => {
    await selection.assign(assigneeId, { reason: reasonInput.value, override });
    props.close();
  };
  const assign = () => {
    const who = candidates().find((c) => c.userId === chosen());
    if (!who) {
      setProblem(t("chooseFirst"));
      return;
    }
    // Taking a chat yourself is never refused for capacity (server rule); giving it to someone full asks first.
    const overLimit = who.full && who.userId !== session.me()?.user.id;
    if (overLimit && !asking()) {
      setAsking(who);
      return;
    }
    void send(who.userId, overLimit);
  };
  return (
    <form
      class="intervene-form"
      onSubmit={(e) => {
        e.preventDefault();
        assign();
      }}
    >
      <Show when={props.loads} fallback={<p class="muted">{props.error ?? t("loadingPeople")}</p>}>
        {(l) => (
          <>
            <fieldset class="intervene-people">
              <legend>{t("assignTo")}</legend>
              <Show when={candidates().length > 0} fallback={<p class="muted">{t("noPeople")}</p>}>
                <For each={candidates()}>
                  {(c) => (
                    <label class="intervene-person" classList={{ "intervene-full": c.full }} data-user={c.userId}>
                      <input
                        type="radio"
                        name="assignee"
                        value={c.userId}
                        disabled={c.current}
                        checked={chosen() === c.userId}
                        onChange={() => {
                          setChosen(c.userId);
                          setAsking(null);
                          setProblem(null);
                        }}
                      />
                      <span class="intervene-person-name">
                        {c.name}
                        <Show when={c.role !== "agent" && c.role}>
                          {(role) => <span class="muted"> ({t(role() === "admin" ? "role_admin" : "role_supervisor")})</span>}
                        </Show>
                      </span>
                      <span class="intervene-person-meta">
                        <span class="intervene-load">{t("loadOf", { load: c.load, capacity: c.capacity })}</span> ·{" "}
                        <span class={`chip chip-${c.availability}`}>{t(`a_${c.availability}`)}</span>
                        <Show when={c.current}> · {t("current")}</Show>
                      </span>
                    </label>
                  )}
                </For>
              </Show>
              <Show when={l().cached}>
                <p class="muted intervene-asof">{t("asOf", { time: formatClock(l().at) })}</p>
              </Show>
            </fieldset>
          </>
        )}
      </Show>
      <label class="intervene-reason">
        <span>{t("reason")}</span>
        <input ref={reasonInput} type="text" maxLength={500} placeholder={t("reasonPlaceholder")} />
      </label>
      <Show when={problem()}>
        <p class="form-error" role="alert">
          {problem()}
        </p>
      </Show>
      <Show
        when={asking()}
        fallback={
          <div class="intervene-buttons">
            <button type="submit" class="btn btn-primary" disabled={!props.loads}>
              {t("assignButton")}
            </button>
            <Show when={props.conversation.assigneeId !== null}>
              <button type="button" class="btn" onClick={() => void send(null)}>
                {t("unassignButton")}
              </button>
            </Show>
            <button type="button" class="btn btn-ghost" onClick={() => props.close()}>
              {t("cancel")}
            </button>
          </div>
        }
      >
        {(who) => (
          <div class="intervene-confirm">
            <p role="alert">{t("overCapacity", { name: who().name, load: who().load, capacity: who().capacity })}</p>
            <div class="intervene-buttons">
              <button type="button" class="btn btn-primary" onClick={() => void send(who().userId, true)}>
                {t("assignAnyway")}
              </button>
              <button type="button" class="btn" onClick={() => setAsking(null)}>
                {t("chooseOther")}
              </button>
            </div>
          </div>
        )}
      </Show>
    </form>
  );
}
