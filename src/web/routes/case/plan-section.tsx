import { Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { RouterButtonLink } from "../../components/router-button-link";
import { useFormatters } from "../../i18n/format";
import { type CaseSectionProps, planAuthor } from "./case-model";
import { PlanAims, PlanConditions, PlanRisks, PlanScores, PlanWords } from "./plan/plan-view";

/** The one plan on the case page: its version, concerns, goal, safety conditions, risks, scores, words. */
export function PlanSection({ data, access, names, userNames }: CaseSectionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { document } = data.plan;
  const { plan } = document;
  return (
    <>
      <Paragraph>
        {t("plan.view.version", {
          version: document.version,
          at: format.dateTime(document.updatedAt),
          author: planAuthor(t, document.updatedBy, userNames, names.organisation),
        })}
      </Paragraph>
      <div className="schakel-actions">
        <RouterButtonLink to={`/zaken/${data.detail.id}/plan`}>
          {t(access.canWork ? "plan.edit" : "plan.open")}
        </RouterButtonLink>{" "}
        <RouterButtonLink to={`/zaken/${data.detail.id}/plan/versies`} appearance="secondary-action-button">
          {t("plan.versions.link")}
        </RouterButtonLink>
      </div>
      <PlanAims plan={plan} />
      <PlanConditions plan={plan} />
      <PlanRisks plan={plan} />
      <PlanScores plan={plan} />
      <PlanWords plan={plan} detail={data.detail} />
    </>
  );
}
