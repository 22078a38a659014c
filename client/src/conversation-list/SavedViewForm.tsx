/**
 * The form that names a saved view ("Save view", "Rename"; SavedViews.tsx). A chunk of its own,
 * loaded when the agent first opens it: the inbox's first load carries only what the list needs
 * (issue 17).
 */
import { t } from "./messages.ts";

export function SavedViewForm(props: {
  label: string;
  name: string;
  busy: boolean;
  onName: (name: string) => void;
  onSubmit: (e: SubmitEvent) => void;
  onCancel: () => void;
}) {
  return (
    <form class="list-view-form" aria-label={props.label} onSubmit={(e) => props.onSubmit(e)}>
      <input
        class="search-input"
        aria-label={t("viewName")}
        maxLength={60}
        required
        value={props.name}
        onInput={(e) => props.onName(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") props.onCancel();
        }}
        ref={(el) => queueMicrotask(() => el.focus())}
      />
      <button type="submit" class="btn btn-primary" disabled={props.busy}>
        {t("save")}
      </button>
      <button type="button" class="btn btn-ghost" onClick={() => props.onCancel()}>
        {t("cancel")}
      </button>
    </form>
  );
}
