import { StatusBadge } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { calendarDaysLeft, dateInAmsterdam, deadlineState } from "../deadlines/working-days";
import { useFormatters } from "../i18n/format";

/**
 * "te laat", "vandaag" or "nog N werkdagen" for a due date, as a status badge; with `days`
 * "calendar" (a calendar period such as a restraining order's 10 days) "nog N dagen".
 */
export function DeadlineBadge({ dueOn, days = "working" }: { dueOn: string; days?: "working" | "calendar" }) {
  const { t } = useTranslation();
  const today = dateInAmsterdam(new Date());
  const state = deadlineState(dueOn, today);
  if (days === "calendar" && state.kind === "upcoming") {
    return (
      <StatusBadge status="neutral" className="schakel-deadline-badge">
        {t("deadline.calendarDaysLeft", { count: calendarDaysLeft(today, dueOn) })}
      </StatusBadge>
    );
  }
  if (state.kind === "overdue") {
    return (
      <StatusBadge status="danger" className="schakel-deadline-badge">
        {t("deadline.overdue")}
      </StatusBadge>
    );
  }
  if (state.kind === "today") {
    return (
      <StatusBadge status="warning" className="schakel-deadline-badge">
        {t("deadline.today")}
      </StatusBadge>
    );
  }
  return (
    <StatusBadge status="neutral" className="schakel-deadline-badge">
      {t("deadline.workingDaysLeft", { count: state.workingDaysLeft })}
    </StatusBadge>
  );
}

/** A due date written out, with its badge: "maandag 30 november 2026 — nog 5 werkdagen". */
export function Deadline({
  dueOn,
  showBadge = true,
  days = "working",
}: {
  dueOn: string;
  showBadge?: boolean;
  days?: "working" | "calendar";
}) {
  const format = useFormatters();
  return (
    <span className="schakel-deadline">
      <time dateTime={dueOn}>{format.date(dueOn)}</time>
      {showBadge ? (
        <>
          {" "}
          <DeadlineBadge dueOn={dueOn} days={days} />
        </>
      ) : null}
    </span>
  );
}
