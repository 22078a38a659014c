/**
 * "Check integrity": the server walks the workspace's log against its hash chain and says it
 * is intact, or the first entry where it breaks and how.
 */
import type { AuditVerifyResponse } from "@inbox/shared/api/audit";
import { createSignal, Show } from "solid-js";
import { asApiError } from "../../api/http.ts";
import { auditApi } from "./audit-api.ts";
import { verifyWords } from "./audit-words.ts";
import { t } from "./messages.ts";

export function IntegrityCheck(props: { disabled: boolean; time: (at: number) => string }) {
  const [checking, setChecking] = createSignal(false);
  const [result, setResult] = createSignal<AuditVerifyResponse | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  const check = async () => {
    setChecking(true);
    setError(null);
    setResult(null);
    try {
      setResult(await auditApi.verify());
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setChecking(false);
    }
  };

  return (
    <div class="audit-integrity">
      <button type="button" class="btn" disabled={props.disabled || checking()} onClick={() => void check()}>
        {checking() ? t("checking") : t("check")}
      </button>
      <Show when={result()}>
        {(r) => (
          <p class={r().ok ? "form-done" : "form-error"} role={r().ok ? "status" : "alert"} data-integrity={r().ok ? "intact" : "broken"}>
            {verifyWords(r(), props.time)}
          </p>
        )}
      </Show>
      <Show when={error()}>
        {(message) => (
          <p class="form-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
    </div>
  );
}
