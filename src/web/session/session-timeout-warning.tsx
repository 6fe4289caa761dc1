import { AlertDialog, Button, ButtonGroup, Heading2, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { logOut } from "../api/auth";
import { lastSessionActivity, onSessionActivity } from "../api/session-activity";
import { type SessionPhase, sessionPhaseAt } from "./session-clock";
import { useSession } from "./session-context";
import "./session-timeout-warning.css";

/**
 * Warns a minute before the session ends for lack of use, with a button that keeps it going.
 * When the time is up the session ends here and on the server; what was being typed is kept by
 * the forms (useKeptDraft) and comes back after the next login.
 */
export function SessionTimeoutWarning() {
  const { t, i18n } = useTranslation();
  const { clock, stayLoggedIn, expire } = useSession();
  const [phase, setPhase] = useState<SessionPhase | null>(null);
  const [tick, setTick] = useState(0);
  const [isBusy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => onSessionActivity(() => setTick((current) => current + 1)), []);

  useEffect(() => {
    // The tick only tells the effect to look at the time again.
    void tick;
    if (clock === null) {
      setPhase(null);
      return;
    }
    const now = Date.now();
    const next = sessionPhaseAt(clock, lastSessionActivity(), now);
    setPhase(next);
    if (next.phase === "ended") {
      // The server may still have its slack left: end it there too, so nobody can pick it up.
      logOut()
        .catch(() => {})
        .finally(expire);
      return;
    }
    const changesAt = next.phase === "active" ? next.warnAt : next.endsAt;
    const timer = setTimeout(() => setTick((current) => current + 1), Math.max(250, changesAt - now));
    return () => clearTimeout(timer);
  }, [clock, tick, expire]);

  const isWarning = phase?.phase === "warning";
  useEffect(() => {
    const element = dialog.current;
    if (element === null) {
      return;
    }
    if (isWarning && !element.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setFailed(false);
      element.showModal();
    } else if (!isWarning && element.open) {
      element.close();
      returnFocus.current?.focus();
    }
  }, [isWarning]);

  function stay(): void {
    if (isBusy) {
      return;
    }
    setBusy(true);
    setFailed(false);
    stayLoggedIn().then(
      () => setBusy(false),
      () => {
        setBusy(false);
        setFailed(true);
      },
    );
  }

  function close(): void {
    dialog.current?.close();
    returnFocus.current?.focus();
  }

  const extendable = phase?.phase === "warning" && phase.extendable;
  const endsAt =
    phase?.phase === "warning"
      ? new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "nl-NL", {
          hour: "2-digit",
          minute: "2-digit",
        }).format(new Date(phase.endsAt))
      : "";

  return (
    <AlertDialog
      ref={dialog}
      type="warning"
      role="alertdialog"
      aria-labelledby="session-warning-heading"
      aria-describedby="session-warning-text"
      className="schakel-session-warning"
      onCancel={(event) => {
        // Escape closes the warning; whoever pressed it is here, so the session goes on.
        event.preventDefault();
        if (extendable) {
          stay();
        } else {
          close();
        }
      }}
    >
      <Heading2 id="session-warning-heading">
        {extendable ? t("session.warning.heading") : t("session.warning.endingHeading")}
      </Heading2>
      <Paragraph id="session-warning-text">
        {extendable
          ? t("session.warning.text", { time: endsAt })
          : t("session.warning.endingText", { time: endsAt })}
      </Paragraph>
      {failed ? (
        <Paragraph role="alert" className="schakel-session-warning__failure">
          {t("session.warning.failed")}
        </Paragraph>
      ) : null}
      <ButtonGroup>
        {extendable ? (
          <Button appearance="primary-action-button" busy={isBusy} onClick={stay}>
            {t("session.warning.stay")}
          </Button>
        ) : (
          <Button appearance="secondary-action-button" onClick={close}>
            {t("session.warning.close")}
          </Button>
        )}
      </ButtonGroup>
    </AlertDialog>
  );
}
