import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  StatusBadge,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ReportDetail } from "../../../shared/intake";
import type { HouseholdCase, ReportHousehold } from "../../../shared/intake-household";
import { linkReportToCase } from "../../api/intake-household";
import type { Resource } from "../../api/use-resource";
import { FormFailure } from "../../components/form-failure";
import { LoadFailed } from "../../components/load-failed";
import { LoadingMessage } from "../../components/loading-message";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { useFormatters } from "../../i18n/format";
import { reportPersonName } from "./report-person";

/**
 * "Known household": the open or recently closed cases the report's persons are known in, with
 * what is known in those the viewer may see (running restraining orders, shelter stays, children),
 * and linking the report to one of them. The choice itself is asked at triage, and the server
 * refuses a new case without it.
 */
export function HouseholdSection({
  report,
  household,
  canLink,
  onReload,
  onChanged,
}: {
  report: ReportDetail;
  household: Resource<ReportHousehold>;
  canLink: boolean;
  onReload: () => void;
  onChanged: (message: string, caseId: string) => void;
}) {
  const { t } = useTranslation();
  if (household.status === "loading") {
    return <LoadingMessage />;
  }
  if (household.status !== "loaded") {
    return (
      <section aria-labelledby="household-cases-heading" className="schakel-section">
        <Heading2 id="household-cases-heading">{t("intakeHousehold.heading")}</Heading2>
        <LoadFailed error={household.status === "failed" ? household.error : undefined} onRetry={onReload} />
      </section>
    );
  }
  const { cases } = household.data;
  return (
    <section aria-labelledby="household-cases-heading" className="schakel-section">
      <Heading2 id="household-cases-heading">{t("intakeHousehold.heading")}</Heading2>
      {cases.length === 0 ? (
        <Paragraph>{t("intakeHousehold.none")}</Paragraph>
      ) : (
        <>
          {household.data.decisionRequired ? (
            <Alert type="warning">
              <Paragraph>{t("intakeHousehold.decisionRequired")}</Paragraph>
            </Alert>
          ) : null}
          {cases.map((c) => (
            <HouseholdCaseItem
              key={c.caseId}
              report={report}
              householdCase={c}
              canLink={canLink && report.caseId === undefined && report.status !== "triaged"}
              onChanged={onChanged}
            />
          ))}
        </>
      )}
    </section>
  );
}

function HouseholdCaseItem({
  report,
  householdCase: c,
  canLink,
  onChanged,
}: {
  report: ReportDetail;
  householdCase: HouseholdCase;
  canLink: boolean;
  onChanged: (message: string, caseId: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const names = c.personKeys.map((key) => reportPersonName(t, report, key)).join(", ");

  function link(): void {
    if (isBusy) {
      return;
    }
    setBusy(true);
    feedback.clear();
    linkReportToCase(report.id, c.caseId).then(
      () => {
        setBusy(false);
        onChanged(t("intakeHousehold.linked", { reference: c.reference }), c.caseId);
      },
      (error: unknown) => {
        setBusy(false);
        feedback.showFailure(error, { conflict: t("intakeHousehold.linkConflict") });
      },
    );
  }

  return (
    <div className="schakel-household-case">
      <Heading3>
        {c.visible ? (
          <Link to={`/zaken/${c.caseId}`} className="utrecht-link">
            {c.reference}
          </Link>
        ) : (
          c.reference
        )}{" "}
        <StatusBadge status={c.status === "open" ? "warning" : "neutral"}>
          {t(c.status === "open" ? "intakeHousehold.open" : "intakeHousehold.closed")}
        </StatusBadge>
      </Heading3>
      <Paragraph>
        {t("intakeHousehold.knownPersons", { names })}{" "}
        {c.status === "closed" && c.closedAt !== undefined
          ? t(c.recurrence ? "intakeHousehold.recurrence" : "intakeHousehold.closedOn", {
              date: format.date(c.closedAt.slice(0, 10)),
            })
          : null}
      </Paragraph>
      <Paragraph>
        {t(c.sameHousehold ? "intakeHousehold.sameHousehold" : "intakeHousehold.otherHousehold")}
      </Paragraph>
      {c.known === undefined ? (
        <Paragraph>{t("intakeHousehold.notVisible")}</Paragraph>
      ) : (
        <UnorderedList>
          <UnorderedListItem>
            {c.known.restrainingOrders.length === 0
              ? t("intakeHousehold.noRestrainingOrders")
              : t("intakeHousehold.restrainingOrders", {
                  count: c.known.restrainingOrders.length,
                  until: c.known.restrainingOrders.map((o) => format.date(o.endsOn)).join(", "),
                })}
          </UnorderedListItem>
          <UnorderedListItem>
            {c.known.shelterStays.length === 0
              ? t("intakeHousehold.noShelterStays")
              : t("intakeHousehold.shelterStays", {
                  count: c.known.shelterStays.length,
                  since: c.known.shelterStays.map((s) => format.date(s.startsOn)).join(", "),
                })}
          </UnorderedListItem>
          <UnorderedListItem>
            {c.known.children.length === 0
              ? t("intakeHousehold.noChildren")
              : t("intakeHousehold.children", {
                  children: c.known.children
                    .map((child) => {
                      const name =
                        `${child.firstName ?? ""} ${child.lastName ?? ""}`.trim() || t("report.unknown");
                      return child.age !== undefined
                        ? `${name} (${t("report.age", { count: child.age })})`
                        : `${name} (${t(`minorAnswer.${child.minor}`).toLocaleLowerCase()})`;
                    })
                    .join(", "),
                })}
          </UnorderedListItem>
        </UnorderedList>
      )}
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      {canLink ? (
        <ButtonGroup>
          <Button appearance="secondary-action-button" busy={isBusy} onClick={link}>
            {t("intakeHousehold.link", { reference: c.reference })}
          </Button>
        </ButtonGroup>
      ) : null}
    </div>
  );
}
