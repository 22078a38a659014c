/**
 * "Send a template": the approved WhatsApp templates of the chat's inbox (the customer's
 * language first), an input per {{n}} variable (the first body variable starts as the
 * customer's first name), a live preview of the text the customer will read, and Send, which
 * queues a reply command carrying the template through the outbox like any reply (offline too).
 * The preview is text, never HTML: template and values may contain anything.
 */
import {
  CommandSchema,
  headerMediaKind,
  orderForLanguage,
  paramsFor,
  renderTemplate,
  templateKey,
  templateVariables,
  unsendableReason,
  type MessageTemplate,
} from "@inbox/shared";
import type { ConversationTemplatesResponse } from "@inbox/shared/api/templates";
import type { ChannelCapabilities } from "@inbox/shared/api/uploads";
import { createEffect, createMemo, createSignal, For, on, onCleanup, Show } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { asApiError } from "../../api/http.ts";
import { firstIssueWords } from "../../api/constraint-words.ts";
import { CHANNEL_LABELS } from "../../format/labels.ts";
import { keepForUpload, keptAttachmentContent, keptStoreOf } from "../../sync/kept-uploads.ts";
import { ErrorMessage } from "../../ui/ErrorMessage.tsx";
import { FileChip } from "../FileChip.tsx";
import { headerFileAccept, headerFileError, headerFileLabel } from "./header-file.ts";
import { fetchTemplates, keepTemplates, loadKeptTemplates } from "./template-api.ts";
import { customerLanguage } from "./template-window.ts";
import { t } from "./messages.ts";


/** `caps`: the composer's copy of the channel's capabilities (the header's file is checked against them). */
export function TemplatePicker(props: { conversationId: string; firstName: string; caps: ChannelCapabilities | null; onDone(): void }) {
  const { selection, local } = useAppState();
  const [answer, setAnswer] = createSignal<ConversationTemplatesResponse | null>(null);
  const [fromDevice, setFromDevice] = createSignal(false);
  const [loading, setLoading] = createSignal(true);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [chosen, setChosen] = createSignal<string | null>(null);
  const [values, setValues] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [headerFile, setHeaderFile] = createSignal<File | null>(null);
  let headerInput: HTMLInputElement | undefined;
  const online = () => local.browserOnline() && !local.unreachable();
  const caps = () => props.caps;
  const channel = () => {
    const c = selection.inbox()?.channel ?? selection.conversation()?.channel;
    return c ? CHANNEL_LABELS[c] : "";
  };

  createEffect(
    on([() => selection.inbox()?.id ?? selection.conversation()?.inboxId, local.db], ([inboxId, db]) => {
      let current = true;
      onCleanup(() => (current = false));
      void (async () => {
        const kept = db && inboxId ? await loadKeptTemplates(db, inboxId) : null;
        if (current && kept) {
          setAnswer(kept);
          setFromDevice(true);
        }
        if (!online()) return void setLoading(false);
        try {
          const fresh = await fetchTemplates(props.conversationId);
          if (!current) return;
          setAnswer(fresh);
          setFromDevice(false);
          setLoadError(null);
          if (db) await keepTemplates(db, fresh);
        } catch (err) {
          if (current && !kept) setLoadError(asApiError(err).message);
        } finally {
          if (current) setLoading(false);
        }
      })();
    }),
  );

  const ordered = createMemo(() => orderForLanguage(answer()?.templates ?? [], customerLanguage(selection.timeline())));
  const template = createMemo(() => ordered().find((x) => templateKey(x) === chosen()) ?? ordered()[0] ?? null);
  const vars = createMemo(() => (template() ? templateVariables(template()!) : { header: [], body: [] }));
  /** The kind of file the template's header shows (image, video or document), or null. */
  const mediaKind = createMemo(() => (template() ? headerMediaKind(template()!) : null));

  let prefilled = false;
  // Which template, as a value: the list arriving again (the device's copy, then the server's)
  // makes new objects for the same template, and that must not wipe what the agent typed.
  const chosenKey = createMemo(() => (template() ? templateKey(template()!) : null));
  // A new template starts with the obvious value: the customer's first name as its first body variable.
  createEffect(
    on(
      chosenKey,
      () => {
        prefilled = false;
        setValues({});
        setHeaderFile(null);
        setError(null);
      },
    ),
  );
  // Once per template, also when the contact's name arrives after the picker opened; never over what the agent typed.
  createEffect(() => {
    const first = vars().body[0];
    const name = props.firstName;
    if (prefilled || !first || !name) return;
    prefilled = true;
    if (!values()[`b:${first}`]) setValues((prev) => ({ ...prev, [`b:${first}`]: name }));
  });

  const texts = (part: "h" | "b", names: string[]) => names.map((n) => values()[`${part}:${n}`] ?? "");
  const params = () => {
    const tpl = template()!;
    return { header: paramsFor(vars().header, texts("h", vars().header), tpl.parameterFormat), body: paramsFor(vars().body, texts("b", vars().body), tpl.parameterFormat) };
  };
  const preview = () => (template() ? renderTemplate(template()!, params()) : "");
  const why = () => {
    const tpl = template();
    const reason = tpl ? unsendableReason(tpl) : null;
    return reason === "location_header" ? t("whyLocation") : reason === "dynamic_button" ? t("whyButton") : null;
  };

  const pickHeader = (file: File | undefined) => {
    const kind = mediaKind();
    if (!file || !kind) return;
    const problem = headerFileError(caps(), channel(), kind, file);
    setError(problem);
    setHeaderFile(problem ? null : file);
  };

  const send = async () => {
    const tpl = template();
    if (!tpl) return;
    if (why()) return void setError(t("cannotSend", { why: why()! }));
    const { header, body } = params();
    if ([...header, ...body].some((p) => !p.text.trim())) return void setError(t("fillAll"));
    const kind = mediaKind();
    const file = kind ? headerFile() : null;
    if (kind && !file) return void setError(t("attachHeader"));
    // The limits may have been learned since the file was picked.
    const problem = kind && file ? headerFileError(caps(), channel(), kind, file) : null;
    if (problem) return void setError(problem);
    const clientId = crypto.randomUUID();
    // The header's file goes as attachments do: kept on the device, uploaded by the outbox just before the reply.
    const content = file ? keptAttachmentContent(file, clientId) : undefined;
    const parsed = CommandSchema.safeParse({
      type: "reply",
      clientId,
      conversationId: props.conversationId,
      // What the timeline shows while it waits; the server renders the text again from its copy.
      text: preview(),
      template: { name: tpl.name, language: tpl.language, header, body },
      ...(content ? { content } : {}),
      expectedAssigneeId: selection.conversation()?.assigneeId ?? null,
      writtenAt: Date.now(),
    });
    if (!parsed.success) return void setError(firstIssueWords(parsed.error.issues, t("fillAll")));
    try {
      const db = local.db();
      if (file) {
        if (!db) throw new Error("No local database");
        await keepForUpload(keptStoreOf(db), clientId, file, file.name, props.conversationId);
      }
      await local.enqueue(parsed.data);
      props.onDone();
    } catch (err) {
      setError(asApiError(err).message);
    }
  };

  const field = (part: "h" | "b", name: string) => (
    <label class="template-var">
      <span>{part === "h" ? t("headerVariable", { n: name }) : t("variable", { n: name })}</span>
      <input
        type="text"
        value={values()[`${part}:${name}`] ?? ""}
        maxLength={1024}
        onInput={(e) => {
          const v = e.currentTarget.value;
          setValues((prev) => ({ ...prev, [`${part}:${name}`]: v }));
        }}
      />
    </label>
  );

  return (
    <section class="template-picker" aria-label={t("templates")}>
      <Show when={loading() && !answer()}>
        <p class="composer-hint" role="status">
          {t("loading")}
        </p>
      </Show>
      <ErrorMessage message={loadError() ? t("notLoaded", { reason: loadError()! }) : null} />
      <Show when={fromDevice() && !loading()}>
        <p class="composer-hint">{t("offlineCopy")}</p>
      </Show>
      <Show when={!loading() && !answer() && !loadError()}>
        <p class="composer-hint">{t("offlineNone")}</p>
      </Show>
      <Show when={answer() && ordered().length === 0}>
        <p class="composer-hint">{t("noTemplates")}</p>
      </Show>
      <Show when={template()}>
        {(tpl) => (
          <form
            class="template-form"
            onSubmit={(e) => {
              e.preventDefault();
              void send();
            }}
          >
            <label class="template-choice">
              <span>{t("template")}</span>
              <select value={templateKey(tpl())} onChange={(e) => setChosen(e.currentTarget.value)}>
                <For each={ordered()}>{(x) => <option value={templateKey(x)}>{`${x.name} (${x.language})`}</option>}</For>
              </select>
            </label>
            <Show when={mediaKind()}>
              {(kind) => (
                <div class="template-var template-header-file">
                  <span>{headerFileLabel(kind())}</span>
                  {/* A button in the UI's words: the browser's own file control would say "No file chosen" beside the chosen file's chip. */}
                  <button type="button" class="btn" onClick={() => headerInput?.click()}>
                    {headerFile() ? t("chooseAnotherFile") : t("chooseFile")}
                  </button>
                  <input
                    ref={headerInput}
                    type="file"
                    hidden
                    aria-label={headerFileLabel(kind())}
                    accept={headerFileAccept(caps(), kind())}
                    onChange={(e) => {
                      pickHeader(e.currentTarget.files?.[0]);
                      // Shown in the preview from now on; emptied so the same file can be picked again after removing it.
                      e.currentTarget.value = "";
                    }}
                  />
                </div>
              )}
            </Show>
            <For each={vars().header}>{(name) => field("h", name)}</For>
            <For each={vars().body}>{(name) => field("b", name)}</For>
            <figure class="template-preview">
              <figcaption>{t("preview")}</figcaption>
              <Show when={headerFile()}>
                {(file) => (
                  <div class="composer-attachments" data-testid="template-preview-media">
                    <FileChip file={file()} onRemove={() => setHeaderFile(null)} />
                  </div>
                )}
              </Show>
              <p class="template-preview-text" data-testid="template-preview">
                {preview()}
              </p>
            </figure>
            <ErrorMessage message={error()} />
            <div class="template-actions">
              <button type="button" class="btn" onClick={() => props.onDone()}>
                {t("closeTemplates")}
              </button>
              <button type="submit" class="btn btn-primary">
                {t("send")}
              </button>
            </div>
          </form>
        )}
      </Show>
    </section>
  );
}
