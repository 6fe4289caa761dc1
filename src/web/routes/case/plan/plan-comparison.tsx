import {
  Heading3,
  Heading4,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CaseDetail } from "../../../../shared/cases";
import type { ReferenceNames } from "../../../api/use-reference";
import { type Formatters, useFormatters } from "../../../i18n/format";
import { personName } from "../case-model";
import type {
  Agreement,
  Condition,
  FieldComparison,
  ItemChange,
  NetworkMember,
  SafetyScore,
} from "./plan-diff";
import { diffWords } from "./text-diff";

/** A text change word by word: removed words struck through, added words marked, both named for screen readers. */
export function TextDiff({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  const parts = diffWords(before, after);
  if (parts.length === 0) {
    return <span className="schakel-empty">{t("plan.view.empty")}</span>;
  }
  return (
    <span className="schakel-diff">
      {parts.map((part, index) =>
        part.kind === "same" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity but their place
          <span key={index}>{part.text}</span>
        ) : part.kind === "removed" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity but their place
          <del key={index} className="schakel-diff__removed">
            <span className="schakel-visually-hidden">{t("planDiff.removedMarker")}</span>
            {part.text}
            <span className="schakel-visually-hidden">{t("planDiff.endMarker")}</span>
          </del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity but their place
          <ins key={index} className="schakel-diff__added">
            <span className="schakel-visually-hidden">{t("planDiff.addedMarker")}</span>
            {part.text}
            <span className="schakel-visually-hidden">{t("planDiff.endMarker")}</span>
          </ins>
        ),
      )}
    </span>
  );
}

interface Context {
  t: TFunction;
  format: Formatters;
  names: ReferenceNames;
}

const ownerText = ({ t, names }: Context, id: string | null) =>
  id === null ? t("plan.view.noOwner") : names.organisation(id);
const dueText = ({ t, format }: Context, date: string | null) =>
  date === null ? t("plan.view.noDueDate") : format.shortDate(date);

function conditionChange(context: Context, change: ItemChange<Condition>): ReactNode {
  const { t } = context;
  if (change.kind !== "changed") {
    return (
      <>
        {t(change.kind === "added" ? "planDiff.added" : "planDiff.removed")} {change.item.text} (
        {t(change.item.met ? "plan.view.met" : "plan.view.notMet").toLocaleLowerCase()})
      </>
    );
  }
  const { before, after } = change;
  return (
    <>
      {before.text === after.text ? (
        after.text
      ) : (
        <>
          {t("planDiff.textChanged")} <TextDiff before={before.text} after={after.text} />
        </>
      )}
      {before.met === after.met ? null : ` — ${t(after.met ? "planDiff.nowMet" : "planDiff.noLongerMet")}`}
    </>
  );
}

function agreementChange(context: Context, change: ItemChange<Agreement>): ReactNode {
  const { t } = context;
  if (change.kind !== "changed") {
    const { item } = change;
    return (
      <>
        {t(change.kind === "added" ? "planDiff.added" : "planDiff.removed")} {item.text} (
        {t("planDiff.agreementSummary", {
          owner: ownerText(context, item.ownerOrganisationId),
          due: dueText(context, item.dueOn),
          status: t(`agreementStatus.${item.status}`).toLocaleLowerCase(),
        })}
        )
      </>
    );
  }
  const { before, after } = change;
  const details: string[] = [];
  if (before.ownerOrganisationId !== after.ownerOrganisationId) {
    details.push(
      t("planDiff.ownerChanged", {
        from: ownerText(context, before.ownerOrganisationId),
        to: ownerText(context, after.ownerOrganisationId),
      }),
    );
  }
  if (before.dueOn !== after.dueOn) {
    details.push(
      t("planDiff.dueChanged", { from: dueText(context, before.dueOn), to: dueText(context, after.dueOn) }),
    );
  }
  if (before.status !== after.status) {
    details.push(
      t("planDiff.statusChanged", {
        from: t(`agreementStatus.${before.status}`).toLocaleLowerCase(),
        to: t(`agreementStatus.${after.status}`).toLocaleLowerCase(),
      }),
    );
  }
  return (
    <>
      {before.text === after.text ? (
        after.text
      ) : (
        <>
          {t("planDiff.textChanged")} <TextDiff before={before.text} after={after.text} />
        </>
      )}
      {details.length === 0 ? null : ` — ${details.join("; ")}`}
    </>
  );
}

const networkText = (member: NetworkMember) =>
  [
    member.name,
    member.relation === "" ? null : `(${member.relation})`,
    member.role === "" ? null : `— ${member.role}`,
  ]
    .filter((part) => part !== null)
    .join(" ");

const scoreText = ({ t, format }: Context, score: SafetyScore) =>
  t("planDiff.score", {
    party: t(`scoreParty.${score.party}`),
    score: score.score,
    date: format.shortDate(score.on),
  });

function ValueChanges<T>({ added, removed, text }: { added: T[]; removed: T[]; text: (value: T) => string }) {
  const { t } = useTranslation();
  return (
    <UnorderedList className="schakel-plain-list">
      {added.map((value, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: values may repeat; their place identifies them
        <UnorderedListItem key={`added-${index}`}>
          {t("planDiff.added")} {text(value)}
        </UnorderedListItem>
      ))}
      {removed.map((value, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: values may repeat; their place identifies them
        <UnorderedListItem key={`removed-${index}`}>
          {t("planDiff.removed")} {text(value)}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

function FieldBody({
  comparison,
  context,
  detail,
}: {
  comparison: FieldComparison;
  context: Context;
  detail: CaseDetail;
}) {
  const { t } = context;
  switch (comparison.kind) {
    case "text":
      return (
        <Paragraph className="schakel-narrative">
          <TextDiff before={comparison.before} after={comparison.after} />
        </Paragraph>
      );
    case "items":
      return (
        <UnorderedList className="schakel-plain-list">
          {comparison.field === "safetyConditions"
            ? comparison.changes.map((change, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one change per item, in order
                <UnorderedListItem key={index}>{conditionChange(context, change)}</UnorderedListItem>
              ))
            : comparison.changes.map((change, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one change per item, in order
                <UnorderedListItem key={index}>{agreementChange(context, change)}</UnorderedListItem>
              ))}
        </UnorderedList>
      );
    case "values":
      if (comparison.field === "risks") {
        return <ValueChanges added={comparison.added} removed={comparison.removed} text={(risk) => risk} />;
      }
      if (comparison.field === "network") {
        return <ValueChanges added={comparison.added} removed={comparison.removed} text={networkText} />;
      }
      return (
        <ValueChanges
          added={comparison.added}
          removed={comparison.removed}
          text={(score) => scoreText(context, score)}
        />
      );
    case "words":
      return (
        <>
          {comparison.changes.map((change) => (
            <Paragraph key={change.personId} className="schakel-narrative">
              <strong>{t("plan.view.childSays", { name: personName(t, detail, change.personId) })}</strong>{" "}
              <TextDiff before={change.before} after={change.after} />
            </Paragraph>
          ))}
        </>
      );
  }
}

/**
 * A readable comparison of two versions of the plan, field by field: only what differs, with
 * text changes word by word and list changes item by item.
 */
export function PlanComparison({
  comparisons,
  names,
  detail,
  headingLevel = 3,
}: {
  comparisons: FieldComparison[];
  names: ReferenceNames;
  detail: CaseDetail;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (comparisons.length === 0) {
    return <Paragraph>{t("planDiff.none")}</Paragraph>;
  }
  const Heading = headingLevel === 3 ? Heading3 : Heading4;
  const context = { t, format, names };
  return (
    <div className="schakel-comparison">
      {comparisons.map((comparison) => (
        <div key={comparison.field} className="schakel-comparison__field">
          <Heading>{t(`plan.fields.${comparison.field}`)}</Heading>
          <FieldBody comparison={comparison} context={context} detail={detail} />
        </div>
      ))}
    </div>
  );
}
