import { Paragraph } from "@utrecht/component-library-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Organisation } from "../../../shared/reference";
import { useReferenceData, useReferenceNames } from "../../api/use-reference";
import { PageHeading } from "../../components/page-heading";
import { SuccessNotice, useSuccessNotice } from "../../components/success-notice";
import { useDocumentTitle } from "../../components/use-document-title";
import { useFormatters } from "../../i18n/format";
import { can } from "../../session/capabilities";
import { useAuthenticatedUser } from "../../session/session-context";
import { CaseCentreRoutesSection } from "../centre-work/case-centre-routes-section";
import { CrisisPrompt } from "../centre-work/crisis-prompt";
import { NoAccessPage } from "../no-access-page";
import { describeAccessGround } from "./access-ground";
import { AgreementsSection } from "./agreements-section";
import { CaseDataLoader } from "./case-data-loader";
import { CaseLinksSection } from "./case-links-section";
import { type CaseData, type CaseSectionProps, caseAccessOf, userNamesOf } from "./case-model";
import { PageContents, PageSection } from "./case-section";
import { CaseStatusNotes } from "./case-status-notes";
import { ClosureSection } from "./closure-section";
import { HandoverDecision } from "./handover-decision";
import { HandoversSection } from "./handovers-section";
import { HistorySection } from "./history-section";
import { HouseholdSection } from "./household-section";
import { JournalSection } from "./journal-section";
import { MeasuresSection } from "./measures-section";
import { NetworkSection } from "./network-section";
import { PhaseSection } from "./phase-section";
import { PlanSection } from "./plan-section";
import { ReportsSection } from "./reports-section";
import { SafetySection } from "./safety-section";

/**
 * A case at a glance (/zaken/:id): safety status, phase and direction, the children and the
 * household, the plan, agreements and deadlines, the network, handovers, measures, closure and
 * follow-up, and the history. Only for organisations involved in the case; anyone else gets the
 * not-found page, as the API answers 404.
 */
export function CasePage() {
  const user = useAuthenticatedUser();
  if (!can(user, "readCases")) {
    return <NoAccessPage />;
  }
  return <CaseLoader />;
}

function CaseLoader() {
  const { t } = useTranslation();
  return (
    <CaseDataLoader resourceKey="case" unknownTitle={t("case.titleUnknown")}>
      {(data, organisations, reload) => (
        <CaseView data={data} organisations={organisations} onChanged={reload} />
      )}
    </CaseDataLoader>
  );
}

function CaseView({
  data,
  organisations,
  onChanged,
}: {
  data: CaseData;
  organisations: Organisation[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const user = useAuthenticatedUser();
  const format = useFormatters();
  const { reference } = useReferenceData();
  const names = useReferenceNames(reference.status === "loaded" ? reference.data : undefined);
  const { detail } = data;
  const title = t("case.title", { reference: detail.reference });
  useDocumentTitle(title);
  const access = caseAccessOf(user, detail);
  const userNames = useMemo(() => userNamesOf(data.history, user), [data.history, user]);
  const props: CaseSectionProps = { data, access, names, organisations, userNames, onChanged };
  const acceptNotice = useSuccessNotice();

  const sections = [
    { id: "veiligheid", title: t("case.sections.safety"), element: <SafetySection {...props} /> },
    { id: "fase-en-regie", title: t("case.sections.phase"), element: <PhaseSection {...props} /> },
    { id: "huishouden", title: t("case.sections.household"), element: <HouseholdSection {...props} /> },
    { id: "veiligheidsplan", title: t("case.sections.plan"), element: <PlanSection {...props} /> },
    { id: "afspraken", title: t("case.sections.agreements"), element: <AgreementsSection {...props} /> },
    { id: "netwerk", title: t("case.sections.network"), element: <NetworkSection {...props} /> },
    { id: "overdrachten", title: t("case.sections.handovers"), element: <HandoversSection {...props} /> },
    { id: "maatregelen", title: t("case.sections.measures"), element: <MeasuresSection {...props} /> },
    ...(can(user, "readCentreWork")
      ? [
          {
            id: "eigen-routes",
            title: t("centreWork.case.heading"),
            element: <CaseCentreRoutesSection {...props} />,
          },
        ]
      : []),
    { id: "afsluiten", title: t("case.sections.closure"), element: <ClosureSection {...props} /> },
    { id: "journaal", title: t("case.sections.journal"), element: <JournalSection {...props} /> },
    { id: "meldingen", title: t("case.sections.reports"), element: <ReportsSection {...props} /> },
    { id: "gekoppelde-zaken", title: t("caseLinks.section"), element: <CaseLinksSection {...props} /> },
    { id: "geschiedenis", title: t("case.sections.history"), element: <HistorySection {...props} /> },
  ];

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph className="schakel-access-ground">
        {t("case.accessGround", { ground: describeAccessGround(t, detail.access, format.shortDate) })}
      </Paragraph>
      {access.pendingForMe === undefined ? null : (
        <HandoverDecision
          handover={access.pendingForMe}
          caseReference={detail.reference}
          canDecide={access.canDecide}
          names={names}
          onAccepted={() => {
            acceptNotice.show(t("case.decision.accepted"));
            onChanged();
          }}
        />
      )}
      <SuccessNotice message={acceptNotice.message} occurrence={acceptNotice.occurrence} />
      <CaseStatusNotes access={access} />
      <CrisisPrompt data={data} access={access} />
      <PageContents sections={sections} />
      {sections.map((section) => (
        <PageSection key={section.id} id={section.id} title={section.title}>
          {section.element}
        </PageSection>
      ))}
    </>
  );
}
