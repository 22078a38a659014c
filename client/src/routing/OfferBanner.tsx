/**
 * Above the timeline of a chat the router offered to me and I have not picked up: says so,
 * counts down when the inbox takes unpicked offers back, and has the Pick up button. Picking
 * up is online-only (it starts the clock the reports use), so offline the button says why.
 */
import type { Conversation } from "@inbox/shared";
import { createSignal, Show } from "solid-js";
import { ApiError } from "../api/http.ts";
import { useAppState } from "../app/index.ts";
import { formatCountdown, isOfferedToMe, markPickedUp, routingApi } from "./routing.ts";
import { createNow } from "../ui/now.ts";
import { t } from "./messages.ts";

export function OfferBanner(props: { conversation: Conversation }) {
  const { session, local } = useAppState();
  const offered = () => isOfferedToMe(props.conversation, session.me()?.user.id);
  return (
    <Show when={offered()}>
      <OfferBannerBody conversation={props.conversation} offline={!local.browserOnline() || local.unreachable()} />
    </Show>
  );
}

function OfferBannerBody(props: { conversation: Conversation; offline: boolean }) {
  const now = createNow(1000);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal("");
  const left = () => (props.conversation.offerExpiresAt ? props.conversation.offerExpiresAt - now() : null);

  const pickUp = async () => {
    const offer = props.conversation;
    setBusy(true);
    setError("");
    try {
      await routingApi.pickUp(offer.id);
      markPickedUp(offer);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="offer-banner" aria-label={t("offerTitle")}>
      <div class="offer-banner-text">
        <strong>{t("offerTitle")}</strong>
        <span>{t("offerHint")}</span>
        <Show when={left() !== null}>
          <span class="offer-countdown" role="timer" aria-live="off">
            {left()! > 0 ? t("offerCountdown", { time: formatCountdown(left()!) }) : t("offerExpired")}
          </span>
        </Show>
        <Show when={props.offline}>
          <span id="offer-offline" class="offer-note">
            {t("pickupOffline")}
          </span>
        </Show>
        <Show when={error()}>
          <span class="offer-note" role="alert">
            {error()}
          </span>
        </Show>
      </div>
      <button
        type="button"
        class="btn btn-primary"
        disabled={busy() || props.offline}
        aria-busy={busy()}
        aria-describedby={props.offline ? "offer-offline" : undefined}
        onClick={() => void pickUp()}
      >
        {busy() ? t("pickingUp") : t("pickUp")}
      </button>
    </section>
  );
}

