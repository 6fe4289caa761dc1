import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  StatusBadge,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CaseDetail } from "../../../shared/cases";
import { SuccessNotice, useSuccessNotice } from "../../components/success-notice";
import { useFormatters } from "../../i18n/format";
import { type CaseSectionProps, isChild } from "./case-model";
import { Disclosure } from "./case-section";
import { ReassessmentForm } from "./reassessment-form";

function Flag({
  status,
  children,
}: {
  status: "danger" | "warning" | "safe" | "neutral";
  children: ReactNode;
}) {
  return (
    <UnorderedListItem>
      <StatusBadge status={status}>{children}</StatusBadge>
    </UnorderedListItem>
  );
}

/** The case's safety status at a glance, as clear badges: what is wrong comes first. */
export function SafetyFlags({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { flags } = detail;
  const hasChildren = detail.persons.some(isChild);
  return (
    <UnorderedList className="schakel-flags" aria-label={t("case.flags.label")}>
      {flags.acuteUnsafety ? <Flag status="danger">{t("case.flags.acute")}</Flag> : null}
      {flags.childrenWithoutHelp > 0 ? (
        <Flag status="warning">
          {t("case.flags.childrenWithoutHelp", { count: flags.childrenWithoutHelp })}
        </Flag>
      ) : null}
      {flags.minorsToCheck > 0 ? (
        <Flag status="warning">{t("caseRules.minorsToCheck", { count: flags.minorsToCheck })}</Flag>
      ) : null}
      {flags.restrainingOrderActive ? <Flag status="warning">{t("case.flags.restrainingOrder")}</Flag> : null}
      {flags.inShelter ? <Flag status="warning">{t("case.flags.shelter")}</Flag> : null}
      {flags.mda ? <Flag status="warning">{t("case.flags.mda")}</Flag> : null}
      {flags.acuteUnsafety ? null : <Flag status="safe">{t("case.flags.noAcute")}</Flag>}
      {flags.childrenWithoutHelp > 0 ? null : (
        <Flag status={hasChildren ? "safe" : "neutral"}>
          {t(hasChildren ? "case.flags.allChildrenHelped" : "case.flags.noChildren")}
        </Flag>
      )}
      {detail.status === "closed" ? <Flag status="neutral">{t("caseStatus.closed")}</Flag> : null}
    </UnorderedList>
  );
}

/** Safety first: the flags, the case's status and municipality, and a re-assessment. */
export function SafetySection({ data, access, names, onChanged }: CaseSectionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const notice = useSuccessNotice();
  const { detail } = data;
  const lastAssessment = [...data.history].reverse().find((entry) => entry.kind === "safety-assessed");
  return (
    <>
      <SafetyFlags detail={detail} />
      <DataList className="schakel-details">
        <DataListItem>
          <DataListKey>{t("case.status")}</DataListKey>
          <DataListValue>{t(`caseStatus.${detail.status}`)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t("case.municipality")}</DataListKey>
          <DataListValue>{names.municipality(detail.municipalityCode)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t("case.reassess.last")}</DataListKey>
          <DataListValue>
            {lastAssessment === undefined
              ? t("case.reassess.onlyIntake")
              : format.dateTime(lastAssessment.at)}
          </DataListValue>
        </DataListItem>
      </DataList>
      <SuccessNotice message={notice.message} occurrence={notice.occurrence} />
      {access.canWork ? (
        <Disclosure summary={t("case.reassess.heading")}>
          <ReassessmentForm
            caseId={detail.id}
            onDone={(acute) => {
              notice.show(t(acute ? "case.reassess.doneAcute" : "case.reassess.done"));
              onChanged();
            }}
          />
        </Disclosure>
      ) : null}
    </>
  );
}
