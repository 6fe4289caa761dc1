import { StatusBadge } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import type { ReportDetail } from "../../shared/intake";

type Lateness = ReportDetail["lateness"];

/**
 * A step done after its due date stays visible as done late, with how many working days:
 * "beoordeling 3 werkdagen te laat gedaan".
 */
export function LatenessNote({ lateness, step }: { lateness: Lateness; step?: keyof Lateness }) {
  const { t } = useTranslation();
  const steps = (step === undefined ? (["safetyAssessment", "triage"] as const) : [step]).filter(
    (s) => lateness[s] !== undefined,
  );
  if (steps.length === 0) {
    return null;
  }
  return (
    <>
      {steps.map((s) => (
        <StatusBadge key={s} status="danger" className="schakel-deadline-badge schakel-lateness">
          {t(`intakeExtra.lateness.${s}`, { count: lateness[s]?.workingDaysLate ?? 0 })}
        </StatusBadge>
      ))}
    </>
  );
}
