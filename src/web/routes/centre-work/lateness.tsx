import { StatusBadge } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { latenessSchema } from "../../../shared/centre-work";
import { useFormatters } from "../../i18n/format";

type Lateness = z.infer<typeof latenessSchema>;

/**
 * How a step stands against its due date, in calendar days: "nog 12 dagen", "3 dagen te laat",
 * and once done "klaar, 3 dagen te laat" or "op tijd klaar". Shown, never blocking.
 */
export function LatenessBadge({ lateness, isDone }: { lateness: Lateness; isDone: boolean }) {
  const { t } = useTranslation();
  if (lateness.dueOn === null) {
    return null;
  }
  if (isDone) {
    return lateness.daysLate > 0 ? (
      <StatusBadge status="danger">
        {t("centreWork.lateness.doneLate", { count: lateness.daysLate })}
      </StatusBadge>
    ) : (
      <StatusBadge status="neutral">{t("centreWork.lateness.doneOnTime")}</StatusBadge>
    );
  }
  if (lateness.overdue) {
    return (
      <StatusBadge status="danger">{t("centreWork.lateness.late", { count: lateness.daysLate })}</StatusBadge>
    );
  }
  if (lateness.daysLeft === 0) {
    return <StatusBadge status="warning">{t("centreWork.lateness.today")}</StatusBadge>;
  }
  return (
    <StatusBadge status="neutral">
      {t("centreWork.lateness.left", { count: lateness.daysLeft ?? 0 })}
    </StatusBadge>
  );
}

/** A due date written out with its lateness badge. */
export function DueDate({ lateness, isDone }: { lateness: Lateness; isDone: boolean }) {
  const format = useFormatters();
  if (lateness.dueOn === null) {
    return null;
  }
  return (
    <span className="schakel-deadline">
      <time dateTime={lateness.dueOn}>{format.date(lateness.dueOn)}</time>{" "}
      <LatenessBadge lateness={lateness} isDone={isDone} />
    </span>
  );
}
