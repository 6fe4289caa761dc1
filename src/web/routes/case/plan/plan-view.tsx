import {
  Heading3,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import type { CaseDetail } from "../../../../shared/cases";
import type { Plan } from "../../../../shared/safety-plan";
import type { ReferenceNames } from "../../../api/use-reference";
import { Deadline } from "../../../components/deadline";
import { useFormatters } from "../../../i18n/format";
import { personName } from "../case-model";

/** A text of the plan, or "nog niet ingevuld". */
function PlanText({ text }: { text: string }) {
  const { t } = useTranslation();
  return text === "" ? (
    <Paragraph className="schakel-empty">{t("plan.view.empty")}</Paragraph>
  ) : (
    <Paragraph className="schakel-narrative">{text}</Paragraph>
  );
}

/** Concerns and goal: what worries everyone, and where everyone wants to be. */
export function PlanAims({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <>
      <Heading3>{t("plan.fields.concerns")}</Heading3>
      <PlanText text={plan.concerns} />
      <Heading3>{t("plan.fields.goal")}</Heading3>
      <PlanText text={plan.goal} />
    </>
  );
}

/** The safety conditions, each met or not yet met. */
export function PlanConditions({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const met = plan.safetyConditions.filter((condition) => condition.met).length;
  return (
    <>
      <Heading3>{t("plan.fields.safetyConditions")}</Heading3>
      {plan.safetyConditions.length === 0 ? (
        <Paragraph>{t("plan.view.noConditions")}</Paragraph>
      ) : (
        <>
          <Paragraph>{t("plan.view.conditionsMet", { met, count: plan.safetyConditions.length })}</Paragraph>
          <UnorderedList className="schakel-plain-list">
            {plan.safetyConditions.map((condition, index) => (
              <UnorderedListItem key={condition.id ?? index}>
                {condition.text}{" "}
                <StatusBadge status={condition.met ? "safe" : "warning"}>
                  {t(condition.met ? "plan.view.met" : "plan.view.notMet")}
                </StatusBadge>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </>
  );
}

export function PlanRisks({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <>
      <Heading3>{t("plan.fields.risks")}</Heading3>
      {plan.risks.length === 0 ? (
        <Paragraph>{t("plan.view.noRisks")}</Paragraph>
      ) : (
        <UnorderedList>
          {plan.risks.map((risk, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: risks have no ids; their text and place identify them
            <UnorderedListItem key={`${index}-${risk}`}>{risk}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </>
  );
}

/** The agreements: who does what by when, and whether it was done. */
export function PlanAgreements({ plan, names }: { plan: Plan; names: ReferenceNames }) {
  const { t } = useTranslation();
  if (plan.agreements.length === 0) {
    return <Paragraph>{t("plan.view.noAgreements")}</Paragraph>;
  }
  return (
    <div className="schakel-table-scroll">
      <Table className="schakel-table">
        <TableCaption className="schakel-visually-hidden">{t("plan.view.agreementsCaption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("plan.agreement.text")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("plan.agreement.owner")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("plan.agreement.dueOn")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("plan.agreement.status")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {plan.agreements.map((agreement, index) => (
            <TableRow key={agreement.id ?? index}>
              <TableHeaderCell scope="row">{agreement.text}</TableHeaderCell>
              <TableCell data-label={t("plan.agreement.owner")}>
                {agreement.ownerOrganisationId === null
                  ? t("plan.view.noOwner")
                  : names.organisation(agreement.ownerOrganisationId)}
              </TableCell>
              <TableCell data-label={t("plan.agreement.dueOn")}>
                {agreement.dueOn === null ? (
                  t("plan.view.noDueDate")
                ) : (
                  <Deadline dueOn={agreement.dueOn} showBadge={agreement.status === "open"} />
                )}
              </TableCell>
              <TableCell data-label={t("plan.agreement.status")}>
                {t(`agreementStatus.${agreement.status}`)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The people around the family who help keep the agreements. */
export function PlanNetwork({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  if (plan.network.length === 0) {
    return <Paragraph>{t("plan.view.noNetwork")}</Paragraph>;
  }
  return (
    <div className="schakel-table-scroll">
      <Table className="schakel-table">
        <TableCaption className="schakel-visually-hidden">{t("plan.view.networkCaption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("plan.network.name")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("plan.network.relation")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("plan.network.role")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {plan.network.map((member, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: network members have no ids; name and place identify them
            <TableRow key={`${index}-${member.name}`}>
              <TableHeaderCell scope="row">{member.name}</TableHeaderCell>
              <TableCell data-label={t("plan.network.relation")}>{member.relation}</TableCell>
              <TableCell data-label={t("plan.network.role")}>{member.role}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** Each party's safety score over time, oldest first. */
export function PlanScores({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const scores = [...plan.safetyScores].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return (
    <>
      <Heading3>{t("plan.fields.safetyScores")}</Heading3>
      {scores.length === 0 ? (
        <Paragraph>{t("plan.view.noScores")}</Paragraph>
      ) : (
        <div className="schakel-table-scroll">
          <Table className="schakel-table">
            <TableCaption className="schakel-visually-hidden">{t("plan.view.scoresCaption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("plan.score.on")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("plan.score.party")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("plan.score.score")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {scores.map((score, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: scores have no ids; date, party and place identify them
                <TableRow key={`${index}-${score.on}-${score.party}`}>
                  <TableCell data-label={t("plan.score.on")}>{format.shortDate(score.on)}</TableCell>
                  <TableCell data-label={t("plan.score.party")}>{t(`scoreParty.${score.party}`)}</TableCell>
                  <TableCell data-label={t("plan.score.score")}>
                    {t("plan.score.outOfTen", { score: score.score })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

/** The family's and each child's own words. */
export function PlanWords({ plan, detail }: { plan: Plan; detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Heading3>{t("plan.fields.familyWords")}</Heading3>
      <PlanText text={plan.familyWords} />
      <Heading3>{t("plan.fields.childrenWords")}</Heading3>
      {plan.childrenWords.length === 0 ? (
        <Paragraph>{t("plan.view.noChildrenWords")}</Paragraph>
      ) : (
        plan.childrenWords.map((entry) => (
          <Paragraph key={entry.personId} className="schakel-narrative">
            <strong>{t("plan.view.childSays", { name: personName(t, detail, entry.personId) })}</strong>{" "}
            {entry.words}
          </Paragraph>
        ))
      )}
    </>
  );
}
