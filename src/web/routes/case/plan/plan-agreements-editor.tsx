import { useTranslation } from "react-i18next";
import type { Organisation } from "../../../../shared/reference";
import { agreementStatuses, scoreParties } from "../../../../shared/safety-plan";
import { SelectField, TextareaField } from "../../../components/form-fields";
import { TextField } from "../../../components/text-field";
import { dateInAmsterdam } from "../../../deadlines/working-days";
import { type FieldProblem, messageFor } from "../../../forms/problems";
import { ItemList } from "./item-list";
import { type AgreementDraft, newItemKey, planFieldId, type ScoreDraft } from "./plan-draft";

/**
 * The organisations offered as an agreement's owner, always by name: the current owner stays
 * offered (by its name) when it is not one of the organisations offered for new agreements.
 */
function ownerOptions(
  owners: readonly Organisation[],
  currentId: string,
  organisationName: (id: string) => string,
): { value: string; label: string }[] {
  const options = owners.map((organisation) => ({ value: organisation.id, label: organisation.name }));
  return currentId === "" || options.some((option) => option.value === currentId)
    ? options
    : [{ value: currentId, label: organisationName(currentId) }, ...options];
}

/** The agreements: who does what by when, owned by an organisation, open, done or not done. */
export function AgreementsEditor({
  items,
  onChange,
  problems,
  owners,
  organisationName,
}: {
  items: AgreementDraft[];
  onChange: (items: AgreementDraft[]) => void;
  problems: readonly FieldProblem[];
  /** The organisations that can own an agreement. */
  owners: readonly Organisation[];
  /** The name of an organisation that owns an agreement but is not among the owners offered now. */
  organisationName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const id = (item: AgreementDraft, field: string) => planFieldId("agreement", item.key, field);
  return (
    <ItemList
      id="plan-agreements"
      items={items}
      onChange={onChange}
      legend={(number) => t("plan.agreement.legend", { number })}
      addLabel={t("plan.agreement.add")}
      removeLabel={(number) => t("plan.agreement.remove", { number })}
      addedText={(number) => t("plan.agreement.added", { number })}
      removedText={(number) => t("plan.agreement.removed", { number })}
      emptyText={t("plan.agreement.empty")}
      newItem={(): AgreementDraft => ({
        key: newItemKey(),
        text: "",
        ownerOrganisationId: "",
        ownerUserId: null,
        dueOn: "",
        status: "open",
      })}
      firstFieldId={(item) => id(item, "text")}
      renderFields={(item, update) => (
        <>
          <TextareaField
            id={id(item, "text")}
            label={t("plan.agreement.text")}
            value={item.text}
            onChange={(text) => update({ text })}
            rows={2}
            maxLength={1000}
            required
            error={messageFor(problems, id(item, "text"))}
          />
          <div className="schakel-field-row">
            <SelectField
              id={id(item, "owner")}
              label={t("plan.agreement.owner")}
              value={item.ownerOrganisationId}
              onChange={(ownerOrganisationId) => update({ ownerOrganisationId })}
              emptyOption={t("plan.agreement.noOwner")}
              options={ownerOptions(owners, item.ownerOrganisationId, organisationName)}
            />
            <TextField
              id={id(item, "due")}
              type="date"
              label={t("plan.agreement.dueOn")}
              value={item.dueOn}
              onChange={(dueOn) => update({ dueOn })}
              autoComplete="off"
              width="medium"
              error={messageFor(problems, id(item, "due"))}
            />
            <SelectField
              id={id(item, "status")}
              label={t("plan.agreement.status")}
              value={item.status}
              onChange={(status) => update({ status: status === "" ? "open" : status })}
              options={agreementStatuses.map((value) => ({ value, label: t(`agreementStatus.${value}`) }))}
            />
          </div>
        </>
      )}
    />
  );
}

/** Each party's safety score (0 to 10) on a date: how safe they find it now. */
export function ScoresEditor({
  items,
  onChange,
  problems,
}: {
  items: ScoreDraft[];
  onChange: (items: ScoreDraft[]) => void;
  problems: readonly FieldProblem[];
}) {
  const { t } = useTranslation();
  const id = (item: ScoreDraft, field: string) => planFieldId("score", item.key, field);
  const scoreOptions = Array.from({ length: 11 }, (_, score) => ({
    value: String(score),
    label: String(score),
  }));
  return (
    <ItemList
      id="plan-scores"
      items={items}
      onChange={onChange}
      legend={(number) => t("plan.score.legend", { number })}
      addLabel={t("plan.score.add")}
      removeLabel={(number) => t("plan.score.remove", { number })}
      addedText={(number) => t("plan.score.added", { number })}
      removedText={(number) => t("plan.score.removed", { number })}
      emptyText={t("plan.score.empty")}
      newItem={(): ScoreDraft => ({
        key: newItemKey(),
        party: "",
        score: "",
        on: dateInAmsterdam(new Date()),
      })}
      firstFieldId={(item) => id(item, "party")}
      renderFields={(item, update) => (
        <div className="schakel-field-row">
          <SelectField
            id={id(item, "party")}
            label={t("plan.score.party")}
            value={item.party}
            onChange={(party) => update({ party })}
            emptyOption={t("forms.choose")}
            options={scoreParties.map((value) => ({ value, label: t(`scoreParty.${value}`) }))}
            required
            error={messageFor(problems, id(item, "party"))}
          />
          <SelectField
            id={id(item, "score")}
            label={t("plan.score.score")}
            description={t("plan.score.scoreDescription")}
            value={item.score}
            onChange={(score) => update({ score })}
            emptyOption={t("forms.choose")}
            options={scoreOptions}
            required
            error={messageFor(problems, id(item, "score"))}
          />
          <TextField
            id={id(item, "on")}
            type="date"
            label={t("plan.score.on")}
            value={item.on}
            onChange={(on) => update({ on })}
            autoComplete="off"
            width="medium"
            required
            error={messageFor(problems, id(item, "on"))}
          />
        </div>
      )}
    />
  );
}
