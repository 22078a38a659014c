/**
 * A value to copy somewhere else (a webhook URL into the platform's dashboard): shown in a
 * read-only box that selects itself on focus, with a Copy button that says when it worked.
 */
import { createSignal, createUniqueId, onCleanup } from "solid-js";
import { t } from "../../ui/workspace-messages.ts";

async function copyText(text: string, input: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (or not a secure context): the old way, from the selected box.
    input.focus();
    input.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}

export function CopyField(props: { label: string; value: string; class?: string }) {
  const id = createUniqueId();
  const [said, setSaid] = createSignal("");
  let input!: HTMLInputElement;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const copy = async () => {
    const ok = await copyText(props.value, input);
    setSaid(ok ? t("copied") : t("copyByHand"));
    clearTimeout(timer);
    timer = setTimeout(() => setSaid(""), 3_000);
  };

  return (
    <div class={`copy-field ${props.class ?? ""}`}>
      <label class="sr-only" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        ref={input}
        class="copy-field-input"
        type="text"
        readOnly
        value={props.value}
        spellcheck={false}
        onFocus={(e) => e.currentTarget.select()}
      />
      <button type="button" class="btn copy-field-button" aria-label={t("copyNamed", { name: `${props.label.charAt(0).toLowerCase()}${props.label.slice(1)}` })} onClick={() => void copy()}>
        {t("copy")}
      </button>
      <span class="copy-field-said" role="status">
        {said()}
      </span>
    </div>
  );
}
