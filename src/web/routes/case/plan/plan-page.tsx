import { Alert, Heading2, Paragraph } from "@utrecht/component-library-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Organisation } from "../../../../shared/reference";
import { useReferenceData, useReferenceNames } from "../../../api/use-reference";
import { PageHeading } from "../../../components/page-heading";
import { useDocumentTitle } from "../../../components/use-document-title";
import { useFormatters } from "../../../i18n/format";
import { can } from "../../../session/capabilities";
import { useAuthenticatedUser } from "../../../session/session-context";
import { NoAccessPage } from "../../no-access-page";
import { CaseDataLoader } from "../case-data-loader";
import { type CaseData, caseAccessOf, handoverTargets, planAuthor, userNamesOf } from "../case-model";
import { PlanEditor } from "./plan-editor";
import {
  PlanAgreements,
  PlanAims,
  PlanConditions,
  PlanNetwork,
  PlanRisks,
  PlanScores,
  PlanWords,
} from "./plan-view";

/** The safety plan of a case (/zaken/:id/plan): the editor for those who work on the case, else the plan to read. */
export function PlanPage() {
  const user = useAuthenticatedUser();
  if (!can(user, "readCases")) {
    return <NoAccessPage />;
  }
  return <PlanLoader />;
}

function PlanLoader() {
  const { t } = useTranslation();
  return (
    <CaseDataLoader resourceKey="plan" unknownTitle={t("plan.titleUnknown")}>
      {(data, organisations) => <PlanView data={data} organisations={organisations} />}
    </CaseDataLoader>
  );
}

function PlanView({ data, organisations }: { data: CaseData; organisations: Organisation[] }) {
  const { t } = useTranslation();
  const user = useAuthenticatedUser();
  const format = useFormatters();
  const { reference } = useReferenceData();
  const names = useReferenceNames(reference.status === "loaded" ? reference.data : undefined);
  const { detail, plan } = data;
  const title = t("plan.title", { reference: detail.reference });
  useDocumentTitle(title);
  const access = caseAccessOf(user, detail);
  const userNames = useMemo(() => userNamesOf(data.history, user), [data.history, user]);
  const { document } = plan;

  let readOnlyReason: string | null = null;
  if (access.pendingForMe !== undefined) {
    readOnlyReason = t("plan.readOnly.pendingHandover");
  } else if (!access.isOpen) {
    readOnlyReason = t("plan.readOnly.closed");
  } else if (!access.canWork) {
    readOnlyReason = t("plan.readOnly.role");
  }

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        <Link to={`/zaken/${detail.id}`} className="utrecht-link">
          {t("plan.backToCase", { reference: detail.reference })}
        </Link>
        {" · "}
        <Link to={`/zaken/${detail.id}/plan/versies`} className="utrecht-link">
          {t("plan.versions.link")}
        </Link>
      </Paragraph>
      {readOnlyReason === null ? (
        <PlanEditor
          detail={detail}
          loaded={plan}
          owners={handoverTargets(organisations, "")}
          names={names}
          userNames={userNames}
        />
      ) : (
        <>
          <Alert type="info">
            <Paragraph>{readOnlyReason}</Paragraph>
          </Alert>
          <Paragraph>
            {t("plan.view.version", {
              version: document.version,
              at: format.dateTime(document.updatedAt),
              author: planAuthor(t, document.updatedBy, userNames, names.organisation),
            })}
          </Paragraph>
          <Heading2>{t("plan.parts.aims")}</Heading2>
          <PlanAims plan={document.plan} />
          <Heading2>{t("plan.parts.safety")}</Heading2>
          <PlanConditions plan={document.plan} />
          <PlanRisks plan={document.plan} />
          <Heading2>{t("plan.fields.agreements")}</Heading2>
          <PlanAgreements plan={document.plan} names={names} />
          <Heading2>{t("plan.fields.network")}</Heading2>
          <PlanNetwork plan={document.plan} />
          <Heading2>{t("plan.parts.scoresAndWords")}</Heading2>
          <PlanScores plan={document.plan} />
          <PlanWords plan={document.plan} detail={detail} />
        </>
      )}
    </>
  );
}
