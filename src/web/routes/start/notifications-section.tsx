import {
  Button,
  Heading2,
  Paragraph,
  StatusBadge,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useResource } from "../../api/use-resource";
import { fetchNotifications, markNotificationRead, type Notification } from "../../api/worklist";
import { FormFailure } from "../../components/form-failure";
import { LoadFailed } from "../../components/load-failed";
import { LoadingMessage } from "../../components/loading-message";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { useFormatters } from "../../i18n/format";
import { can } from "../../session/capabilities";
import { useAuthenticatedUser } from "../../session/session-context";

const shown = 20;

function NotificationItem({
  notification,
  isBusy,
  onRead,
}: {
  notification: Notification;
  isBusy: boolean;
  onRead: (notification: Notification) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const canReport = can(useAuthenticatedUser(), "createReports");
  const textId = `notification-${notification.id}`;
  const reference = notification.caseReference ?? t("start.handovers.case");
  // Following a notification's link is acting on it; a failure only leaves it unread.
  const readOnOpen = () => {
    if (!notification.read) {
      markNotificationRead(notification.id).catch(() => {});
    }
  };
  return (
    <UnorderedListItem className="schakel-notification">
      <p id={textId} tabIndex={-1} className="utrecht-paragraph schakel-notification__text">
        {notification.read ? null : (
          <>
            <StatusBadge status="warning">{t("start.notifications.unread")}</StatusBadge>{" "}
          </>
        )}
        {t(`notificationKind.${notification.kind}`)}:{" "}
        {notification.caseId === null ? (
          reference
        ) : (
          <Link to={`/zaken/${notification.caseId}`} className="utrecht-link" onClick={readOnOpen}>
            {reference}
          </Link>
        )}{" "}
        — <time dateTime={notification.createdAt}>{format.dateTime(notification.createdAt)}</time>
      </p>
      {notification.kind === "follow-up-new-violence" && notification.caseId !== null && canReport ? (
        <p className="utrecht-paragraph">
          <Link
            to={`/meldingen/nieuw?zaak=${notification.caseId}`}
            className="utrecht-link"
            onClick={readOnOpen}
          >
            {t("caseRules.newReport")}
          </Link>
        </p>
      ) : null}
      {notification.read ? null : (
        <Button
          appearance="subtle-button"
          busy={isBusy}
          aria-describedby={textId}
          onClick={() => onRead(notification)}
        >
          {t("start.notifications.markRead")}
        </Button>
      )}
    </UnorderedListItem>
  );
}

/** The organisation's notifications (handovers received, accepted, declined, overdue), unread first. */
export function NotificationsSection() {
  const { t } = useTranslation();
  const load = useCallback((signal: AbortSignal) => fetchNotifications(shown, signal), []);
  const { resource, reload } = useResource("start-notifications", load);
  const [readIds, setReadIds] = useState<Set<string>>(new Set());
  const [busyId, setBusyId] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const feedback = useFormFeedback();

  useEffect(() => {
    if (focusId !== null) {
      document.getElementById(`notification-${focusId}`)?.focus();
      setFocusId(null);
    }
  }, [focusId]);

  function handleRead(notification: Notification): void {
    if (busyId !== null) {
      return;
    }
    setBusyId(notification.id);
    feedback.clear();
    markNotificationRead(notification.id).then(
      () => {
        setBusyId(null);
        setReadIds((current) => new Set([...current, notification.id]));
        setFocusId(notification.id);
        reload();
      },
      (error: unknown) => {
        setBusyId(null);
        feedback.showFailure(error);
      },
    );
  }

  let content: ReactNode;
  if (resource.status === "loading") {
    content = <LoadingMessage />;
  } else if (resource.status !== "loaded") {
    content = (
      <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />
    );
  } else if (resource.data.length === 0) {
    content = <Paragraph>{t("start.notifications.empty")}</Paragraph>;
  } else {
    const items = resource.data.map((item) => (readIds.has(item.id) ? { ...item, read: true } : item));
    const unread = items.filter((item) => !item.read).length;
    content = (
      <>
        <Paragraph>{t("start.notifications.unreadCount", { count: unread })}</Paragraph>
        <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
        <UnorderedList className="schakel-plain-list">
          {items.map((item) => (
            <NotificationItem
              key={item.id}
              notification={item}
              isBusy={busyId === item.id}
              onRead={handleRead}
            />
          ))}
        </UnorderedList>
      </>
    );
  }
  return (
    <section aria-labelledby="start-notifications" className="schakel-start-section">
      <Heading2 id="start-notifications">{t("start.notifications.heading")}</Heading2>
      {content}
    </section>
  );
}
