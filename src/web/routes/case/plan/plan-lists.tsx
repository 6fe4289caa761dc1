import { useTranslation } from "react-i18next";
import { CheckboxField, TextareaField } from "../../../components/form-fields";
import { TextField } from "../../../components/text-field";
import { type FieldProblem, messageFor } from "../../../forms/problems";
import { ItemList } from "./item-list";
import {
  type ConditionDraft,
  type NetworkMemberDraft,
  newItemKey,
  planFieldId,
  type RiskDraft,
} from "./plan-draft";

interface ListProps<T> {
  items: T[];
  onChange: (items: T[]) => void;
  problems: readonly FieldProblem[];
}

/** The safety conditions: what must be true for the case to leave the safety phase, each met or not. */
export function ConditionsEditor({ items, onChange, problems }: ListProps<ConditionDraft>) {
  const { t } = useTranslation();
  const id = (item: ConditionDraft, field: string) => planFieldId("condition", item.key, field);
  return (
    <ItemList
      id="plan-conditions"
      items={items}
      onChange={onChange}
      legend={(number) => t("plan.condition.legend", { number })}
      addLabel={t("plan.condition.add")}
      removeLabel={(number) => t("plan.condition.remove", { number })}
      addedText={(number) => t("plan.condition.added", { number })}
      removedText={(number) => t("plan.condition.removed", { number })}
      emptyText={t("plan.condition.empty")}
      newItem={() => ({ key: newItemKey(), text: "", met: false })}
      firstFieldId={(item) => id(item, "text")}
      renderFields={(item, update) => (
        <>
          <TextareaField
            id={id(item, "text")}
            label={t("plan.condition.text")}
            value={item.text}
            onChange={(text) => update({ text })}
            rows={2}
            maxLength={1000}
            required
            error={messageFor(problems, id(item, "text"))}
          />
          <CheckboxField
            id={id(item, "met")}
            label={t("plan.condition.met")}
            checked={item.met}
            onChange={(met) => update({ met })}
          />
        </>
      )}
    />
  );
}

/** The risks that threaten safety. */
export function RisksEditor({ items, onChange, problems }: ListProps<RiskDraft>) {
  const { t } = useTranslation();
  const id = (item: RiskDraft) => planFieldId("risk", item.key, "text");
  return (
    <ItemList
      id="plan-risks"
      items={items}
      onChange={onChange}
      legend={(number) => t("plan.risk.legend", { number })}
      addLabel={t("plan.risk.add")}
      removeLabel={(number) => t("plan.risk.remove", { number })}
      addedText={(number) => t("plan.risk.added", { number })}
      removedText={(number) => t("plan.risk.removed", { number })}
      emptyText={t("plan.risk.empty")}
      newItem={() => ({ key: newItemKey(), text: "" })}
      firstFieldId={id}
      renderFields={(item, update) => (
        <TextField
          id={id(item)}
          label={t("plan.risk.text")}
          value={item.text}
          onChange={(text) => update({ text })}
          autoComplete="off"
          isProse
          maxLength={1000}
          required
          error={messageFor(problems, id(item))}
        />
      )}
    />
  );
}

/** The network: people around the family who help keep the agreements and check them. */
export function NetworkEditor({ items, onChange, problems }: ListProps<NetworkMemberDraft>) {
  const { t } = useTranslation();
  const id = (item: NetworkMemberDraft, field: string) => planFieldId("network", item.key, field);
  return (
    <ItemList
      id="plan-network"
      items={items}
      onChange={onChange}
      legend={(number) => t("plan.network.legend", { number })}
      addLabel={t("plan.network.add")}
      removeLabel={(number) => t("plan.network.remove", { number })}
      addedText={(number) => t("plan.network.added", { number })}
      removedText={(number) => t("plan.network.removed", { number })}
      emptyText={t("plan.network.empty")}
      newItem={() => ({ key: newItemKey(), name: "", relation: "", role: "" })}
      firstFieldId={(item) => id(item, "name")}
      renderFields={(item, update) => (
        <div className="schakel-field-row">
          <TextField
            id={id(item, "name")}
            label={t("plan.network.name")}
            value={item.name}
            onChange={(name) => update({ name })}
            autoComplete="off"
            isProse
            maxLength={200}
            required
            error={messageFor(problems, id(item, "name"))}
          />
          <TextField
            id={id(item, "relation")}
            label={t("plan.network.relation")}
            description={t("plan.network.relationDescription")}
            value={item.relation}
            onChange={(relation) => update({ relation })}
            autoComplete="off"
            isProse
            maxLength={100}
          />
          <TextField
            id={id(item, "role")}
            label={t("plan.network.role")}
            description={t("plan.network.roleDescription")}
            value={item.role}
            onChange={(role) => update({ role })}
            autoComplete="off"
            isProse
            maxLength={500}
          />
        </div>
      )}
    />
  );
}
