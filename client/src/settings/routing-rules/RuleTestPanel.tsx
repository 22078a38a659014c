/** "Test a message": which rules a made-up customer message would fire (the rule being edited included) and what they would do. */
import type { RuleChoices, RuleTestResponse } from "@inbox/shared/api/routing-rules";
import type { RoutingRuleInput } from "@inbox/shared/domain/routing-rules";
import { createSignal, For, Show } from "solid-js";
import { asApiError } from "../../api/http.ts";
import { actionsWords, effectsWords } from "./rule-words.ts";
import { rulesApi } from "./rules-api.ts";
import { t } from "./messages.ts";

export function RuleTestPanel(props: { choices: RuleChoices; draft: { id: string | null; rule: RoutingRuleInput } | null; disabled: boolean }) {
  const [inboxId, setInboxId] = createSignal(props.choices.inboxes[0]?.id ?? "");
  const [text, setText] = createSignal("");
  const [later, setLater] = createSignal(false);
  const [vip, setVip] = createSignal(false);
  const [company, setCompany] = createSignal("");
  const [language, setLanguage] = createSignal("");
  const [answer, setAnswer] = createSignal<RuleTestResponse | null>(null);
  const [error, setError] = createSignal("");
  const [running, setRunning] = createSignal(false);

  const run = async (e: SubmitEvent) => {
    e.preventDefault();
    const inbox = props.choices.inboxes.find((i) => i.id === inboxId());
    if (!inbox) return;
    setRunning(true);
    setError("");
    try {
      setAnswer(
        await rulesApi.test({
          sample: {
            channel: inbox.channel,
            inboxId: inbox.id,
            text: text(),
            trigger: later() ? "customer_message" : "conversation_created",
            contact: { vip: vip(), company: company().trim() || null, language: language().trim() || null },
          },
          ...(props.draft ? { draft: props.draft } : {}),
        }),
      );
    } catch (err) {
      setAnswer(null);
      setError(asApiError(err).message);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section class="rule-test" aria-labelledby="rule-test-title">
      <h3 id="rule-test-title">{t("testTitle")}</h3>
      <p class="muted">{t("testIntro")}</p>
      <form class="rule-test-form" aria-label={t("testTitle")} onSubmit={(e) => void run(e)}>
        <label class="field">
          <span>{t("testInbox")}</span>
          <select value={inboxId()} onChange={(e) => setInboxId(e.currentTarget.value)}>
            <For each={props.choices.inboxes}>
              {(i) => (
                <option value={i.id} selected={i.id === inboxId()}>
                  {i.name}
                </option>
              )}
            </For>
          </select>
        </label>
        <label class="field">
          <span>{t("testText")}</span>
          <textarea rows={2} maxLength={4000} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t("testTrigger")}</span>
          <select value={later() ? "later" : "new"} onChange={(e) => setLater(e.currentTarget.value === "later")}>
            <option value="new">{t("testNew")}</option>
            <option value="later">{t("testLater")}</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={vip()} onChange={(e) => setVip(e.currentTarget.checked)} /> {t("testVip")}
        </label>
        <label class="field">
          <span>{t("testCompany")}</span>
          <input type="text" maxLength={200} value={company()} onInput={(e) => setCompany(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t("testLanguage")}</span>
          <input type="text" maxLength={20} placeholder="pt-BR" value={language()} onInput={(e) => setLanguage(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn btn-primary" disabled={props.disabled || running() || !inboxId()}>
          {running() ? t("testing") : t("testRun")}
        </button>
      </form>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={answer()}>
        {(a) => (
          <div class="rule-test-answer" role="status">
            <p>{a().fired.length ? t("testFired", { count: a().fired.length }) : t("testNone")}</p>
            <ol>
              <For each={a().fired}>
                {(f) => (
                  <li>
                    <strong>{f.name}</strong>
                    <Show when={props.draft && (f.ruleId === props.draft.id || f.ruleId === "draft")}> {t("draftTag")}</Show>: {actionsWords(f.actions, props.choices)}
                  </li>
                )}
              </For>
            </ol>
            <p>{effectsWords(a().effects, props.choices) ? t("testEffects", { effects: effectsWords(a().effects, props.choices)! }) : t("testNoEffects")}</p>
            <p class="muted">{t("testHours", { hours: t(a().withinBusinessHours ? "withinHours" : "outsideHours") })}</p>
          </div>
        )}
      </Show>
    </section>
  );
}
