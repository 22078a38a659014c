/**
 * An attachment opened in its own tab ("/media/<key>") that reached the app instead of the file
 * (the installed app's service worker answers navigations with the app). Shows it here: images,
 * audio and video load from the server with the session cookie; anything else is a download.
 */
import { Match, Switch } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { AppHeader } from "../AppHeader.tsx";
import { mediaFileName, mediaKind } from "./media-kind.ts";
import { t } from "../../ui/workspace-messages.ts";

export function MediaScreen(props: { path: string }) {
  const { router } = useAppState();
  const kind = () => mediaKind(props.path);
  return (
    <div class="app-shell">
      <AppHeader />
      <main class="media-screen" aria-labelledby="media-title">
        <h1 id="media-title" class="sr-only">
          {t("attachment")}
        </h1>
        <div class="media-view">
          <Switch>
            <Match when={kind() === "image"}>
              <img class="media-full" src={props.path} alt={t("attachment")} />
            </Match>
            <Match when={kind() === "audio"}>
              <audio controls src={props.path} aria-label={t("audioAttachment")} />
            </Match>
            <Match when={kind() === "video"}>
              <video class="media-full" controls src={props.path} aria-label={t("videoAttachment")} />
            </Match>
            <Match when={true}>
              <p class="muted">{t("cannotShow")}</p>
            </Match>
          </Switch>
        </div>
        <div class="form-actions media-actions">
          <a class="btn btn-primary" href={props.path} download={mediaFileName(props.path)}>
            {t("download")}
          </a>
          <button type="button" class="btn" onClick={() => router.navigate({ screen: "inbox" })}>
            {t("backToInbox")}
          </button>
        </div>
      </main>
    </div>
  );
}
