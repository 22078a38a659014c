/** What the app header carries for working together: the language and the shortcuts help. */
import { LanguagePicker } from "./LanguagePicker.tsx";
import { ShortcutsHelp } from "./ShortcutsHelp.tsx";

export function HeaderTools() {
  return (
    <div class="header-tools">
      <LanguagePicker />
      <ShortcutsHelp />
    </div>
  );
}
