/**
 * Suggestions for `/shortcut` in the composer: the canned responses matching what follows the
 * slash. Picking one hands back its text with the variables filled in (canned-vars.ts). Works
 * offline from the copy on the device.
 */
import type { CannedResponse } from "@inbox/shared/api/content";
import { createMemo, onMount } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { contentStore } from "./content.ts";
import { filterCanned } from "./canned-filter.ts";
import { fillCannedVariables, type CannedVars } from "./canned-vars.ts";
import { t } from "./messages.ts";
import { PickerList } from "./PickerList.tsx";

export type { CannedVars } from "./canned-vars.ts";

export function CannedPicker(props: { query: string; vars: CannedVars; onPick(text: string): void; onClose(): void }) {
  const { local } = useAppState();
  const store = createMemo(() => {
    const db = local.db();
    return db ? contentStore(db) : null;
  });
  onMount(() => store()?.refresh());
  const all = () => store()?.canned() ?? [];
  const matches = createMemo(() => filterCanned(all(), props.query));
  const empty = () => (all().length ? t("cannedEmpty", { query: props.query }) : t("cannedNone"));

  return (
    <PickerList
      kind="canned"
      label={t("cannedLabel")}
      items={matches()}
      empty={empty()}
      onPick={(c: CannedResponse) => props.onPick(fillCannedVariables(c.text, props.vars))}
      onClose={() => props.onClose()}
    >
      {(c) => (
        <>
          <span class="content-picker-key">/{c.shortcut}</span>
          <span class="content-picker-title">{c.title}</span>
          <span class="content-picker-preview">{c.text}</span>
        </>
      )}
    </PickerList>
  );
}
