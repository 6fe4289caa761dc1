import { Alert, Heading2, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import type { CaseSectionProps } from "../case/case-model";
import { goToSection } from "../case/case-section";

/**
 * Whether the case still asks for a crisis measure: a crisis route was chosen and no restraining
 * order or shelter stay has been recorded since, and none runs now. The same rule as the
 * server's (src/server/centre-work/crisis.ts), read from the history and measures every
 * involved organisation sees, so that the police and the shelter see the prompt as well.
 */
export function awaitsCrisisMeasure({ detail, history }: CaseSectionProps["data"]): boolean {
  const crises = history.filter((entry) => entry.kind === "crisis-opened");
  const last = crises[crises.length - 1];
  if (last === undefined || detail.status !== "open") {
    return false;
  }
  const recordedSince = history.some(
    (entry) =>
      (entry.kind === "restraining-order-recorded" || entry.kind === "shelter-stay-started") &&
      entry.at >= last.at,
  );
  const running = detail.restrainingOrders.some((o) => o.active) || detail.shelterStays.some((s) => s.active);
  return !recordedSince && !running;
}

/** The case page's section of restraining orders and shelter stays. */
const measuresSection = "maatregelen";

/** The prominent prompt of a crisis case: record the restraining order or the shelter stay. */
export function CrisisPrompt({ data, access }: Pick<CaseSectionProps, "data" | "access">) {
  const { t } = useTranslation();
  if (!awaitsCrisisMeasure(data)) {
    return null;
  }
  return (
    <Alert type="error" className="schakel-crisis-prompt">
      <Heading2 id="crisis-prompt-heading">{t("centreWork.crisis.heading")}</Heading2>
      <Paragraph>{t("centreWork.crisis.text")}</Paragraph>
      {access.canRecordMeasures ? (
        <Paragraph>
          <a
            href={`#${measuresSection}`}
            className="utrecht-link"
            onClick={(event) => {
              event.preventDefault();
              goToSection(measuresSection);
            }}
          >
            {t("centreWork.crisis.toMeasures")}
          </a>
        </Paragraph>
      ) : null}
    </Alert>
  );
}
