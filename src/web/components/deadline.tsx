import { StatusBadge } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { dateInAmsterdam, deadlineState } from "../deadlines/working-days";
import { useFormatters } from "../i18n/format";

/** "te laat", "vandaag" or "nog N werkdagen" for a due date, as a status badge. */
export function DeadlineBadge({ dueOn }: { dueOn: string }) {
  const { t } = useTranslation();
  const state = deadlineState(dueOn, dateInAmsterdam(new Date()));
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
export function Deadline({ dueOn, showBadge = true }: { dueOn: string; showBadge?: boolean }) {
  const format = useFormatters();
  return (
    <span className="schakel-deadline">
      <time dateTime={dueOn}>{format.date(dueOn)}</time>
      {showBadge ? (
        <>
          {" "}
          <DeadlineBadge dueOn={dueOn} />
        </>
      ) : null}
    </span>
  );
}
