import { Heading3, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Deadline } from "../../components/deadline";
import { type CaseSectionProps, personName } from "./case-model";
import { PlanAgreements } from "./plan/plan-view";

/** The plan's agreements (who does what by when) and the case's other running deadlines. */
export function AgreementsSection({ data, names }: CaseSectionProps) {
  const { t } = useTranslation();
  const { detail } = data;
  const deadlines: { key: string; content: ReactNode }[] = [
    ...detail.handovers
      .filter((handover) => handover.status === "pending")
      .map((handover) => ({
        key: `handover-${handover.id}`,
        content: (
          <>
            {t("case.deadlines.handover", { organisation: names.organisation(handover.toOrganisationId) })}{" "}
            <Deadline dueOn={handover.dueOn} />
          </>
        ),
      })),
    ...detail.restrainingOrders
      .filter((order) => order.active)
      .map((order) => ({
        key: `order-${order.id}`,
        content: (
          <>
            {t("case.deadlines.restrainingOrder", { name: personName(t, detail, order.personId) })}{" "}
            <Deadline dueOn={order.endsOn} days="calendar" />
          </>
        ),
      })),
    ...data.followUps
      .filter((followUp) => followUp.status === "due")
      .map((followUp) => ({
        key: `follow-up-${followUp.id}`,
        content: (
          <>
            {t("case.deadlines.followUp", { count: followUp.monthsAfterClosure })}{" "}
            <Deadline dueOn={followUp.dueOn} />
          </>
        ),
      })),
  ];
  return (
    <>
      <Heading3>{t("case.agreements.heading")}</Heading3>
      <PlanAgreements plan={data.plan.document.plan} names={names} />
      <Heading3>{t("case.deadlines.heading")}</Heading3>
      {deadlines.length === 0 ? (
        <Paragraph>{t("case.deadlines.none")}</Paragraph>
      ) : (
        <UnorderedList className="schakel-plain-list">
          {deadlines.map((deadline) => (
            <UnorderedListItem key={deadline.key}>{deadline.content}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </>
  );
}
