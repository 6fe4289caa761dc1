import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading2,
  Heading3,
  Paragraph,
} from "@utrecht/component-library-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { personRoles, relationTypes } from "../../shared/intake";
import { minorAnswers } from "../../shared/minors";
import {
  addressSource,
  emptyPerson,
  type HouseholdDraft,
  type PersonDraft,
  personFieldId,
  personLabel,
  type RelationDraft,
  relationFieldId,
  sentencePerson,
} from "../forms/household";
import { type FieldProblem, messageFor } from "../forms/problems";
import { relationSentence } from "../forms/relation-sentence";
import { RadioGroupField, SelectField } from "./form-fields";
import { TextField } from "./text-field";

interface HouseholdEditorProps {
  draft: HouseholdDraft;
  onChange: (draft: HouseholdDraft) => void;
  problems: readonly FieldProblem[];
  /** "intake" asks for BSN and relations; "public" keeps it to what a resident can know, in plain words. */
  variant: "intake" | "public";
  /** The id of the "add person" button, which errors about the household as a whole point to. */
  addPersonId: string;
}

/** Creates keys that stay unique while persons and relations are added and removed. */
function useKeyMaker(prefix: string, existing: readonly string[]): () => string {
  const counter = useRef(0);
  return () => {
    let key: string;
    do {
      counter.current += 1;
      key = `${prefix}${counter.current}`;
    } while (existing.includes(key));
    return key;
  };
}

/**
 * The persons of a household and the relations between them, fully usable by keyboard: each
 * person and relation is a fieldset with its own remove button; after adding or removing, focus
 * moves to where the work continues and a status message says what happened.
 */
export function HouseholdEditor({ draft, onChange, problems, variant, addPersonId }: HouseholdEditorProps) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState("");
  const [focusRequest, setFocusRequest] = useState<{ id: string; occurrence: number } | null>(null);
  const occurrence = useRef(0);
  const nextPersonKey = useKeyMaker(
    "p",
    draft.persons.map((person) => person.key),
  );
  const nextRelationId = useKeyMaker(
    "r",
    draft.relations.map((relation) => relation.id),
  );
  const isPublic = variant === "public";
  const roleLabels = isPublic ? "publicRole" : "personRole";

  useEffect(() => {
    if (focusRequest !== null) {
      document.getElementById(focusRequest.id)?.focus();
    }
  }, [focusRequest]);

  function requestFocus(id: string): void {
    occurrence.current += 1;
    setFocusRequest({ id, occurrence: occurrence.current });
  }

  function updatePerson(key: string, change: Partial<PersonDraft>): void {
    onChange({
      ...draft,
      persons: draft.persons.map((person) => (person.key === key ? { ...person, ...change } : person)),
    });
  }

  function addPerson(): void {
    const key = nextPersonKey();
    onChange({ ...draft, persons: [...draft.persons, emptyPerson(key)] });
    setAnnouncement(t("household.personAdded", { number: draft.persons.length + 1 }));
    requestFocus(personFieldId(key, "first-name"));
  }

  function removePerson(key: string): void {
    const index = draft.persons.findIndex((person) => person.key === key);
    const label = personLabel(t, draft.persons, key);
    // Who shared the removed person's address keeps it, typed out.
    const persons = draft.persons
      .filter((person) => person.key !== key)
      .map((person) => {
        if (person.sameAddressAs !== key) {
          return person;
        }
        const source = addressSource(draft.persons, key);
        return {
          ...person,
          sameAddressAs: "",
          street: source?.street ?? "",
          houseNumber: source?.houseNumber ?? "",
          postcode: source?.postcode ?? "",
          city: source?.city ?? "",
        };
      });
    const relations = draft.relations.filter((relation) => relation.from !== key && relation.to !== key);
    onChange({ persons, relations });
    const removedRelations = draft.relations.length - relations.length;
    setAnnouncement(
      removedRelations === 0
        ? t("household.personRemoved", { person: label })
        : t("household.personRemovedWithRelations", { person: label, count: removedRelations }),
    );
    const next = persons[index] ?? persons[index - 1];
    requestFocus(next === undefined ? addPersonId : personFieldId(next.key, "first-name"));
  }

  function updateRelation(id: string, change: Partial<RelationDraft>): void {
    onChange({
      ...draft,
      relations: draft.relations.map((relation) =>
        relation.id === id ? { ...relation, ...change } : relation,
      ),
    });
  }

  function addRelation(): void {
    const id = nextRelationId();
    onChange({ ...draft, relations: [...draft.relations, { id, from: "", type: "", to: "" }] });
    setAnnouncement(t("household.relationAdded", { number: draft.relations.length + 1 }));
    requestFocus(relationFieldId(id, "from"));
  }

  function removeRelation(id: string): void {
    const index = draft.relations.findIndex((relation) => relation.id === id);
    const relations = draft.relations.filter((relation) => relation.id !== id);
    onChange({ ...draft, relations });
    setAnnouncement(t("household.relationRemoved", { number: index + 1 }));
    const next = relations[index] ?? relations[index - 1];
    requestFocus(next === undefined ? "add-relation" : relationFieldId(next.id, "from"));
  }

  const personOptions = draft.persons.map((person) => ({
    value: person.key,
    label: personLabel(t, draft.persons, person.key),
  }));

  return (
    <section aria-labelledby="household-heading" className="schakel-household">
      <Heading2 id="household-heading">
        {t(isPublic ? "household.publicHeading" : "household.heading")}
      </Heading2>
      <Paragraph>{t(isPublic ? "household.publicIntro" : "household.intro")}</Paragraph>
      {draft.persons.map((person, index) => {
        const id = (field: string) => personFieldId(person.key, field);
        const error = (field: string) => messageFor(problems, id(field));
        return (
          <Fieldset key={person.key} className="schakel-fieldset schakel-person">
            <FieldsetLegend>{t("household.personNumber", { number: index + 1 })}</FieldsetLegend>
            <div className="schakel-field-row">
              <TextField
                id={id("first-name")}
                label={t("household.firstName")}
                value={person.firstName}
                onChange={(firstName) => updatePerson(person.key, { firstName })}
                autoComplete="off"
                isProse
                maxLength={100}
                error={error("first-name")}
              />
              <TextField
                id={id("last-name")}
                label={t("household.lastName")}
                value={person.lastName}
                onChange={(lastName) => updatePerson(person.key, { lastName })}
                autoComplete="off"
                isProse
                maxLength={150}
                error={error("last-name")}
              />
            </div>
            <div className="schakel-field-row">
              <TextField
                id={id("birth-date")}
                type="date"
                label={t("household.birthDate")}
                description={t("household.birthDateDescription")}
                value={person.birthDate}
                onChange={(birthDate) => updatePerson(person.key, { birthDate })}
                autoComplete="off"
                width="medium"
                error={error("birth-date")}
              />
              {isPublic ? null : (
                <TextField
                  id={id("bsn")}
                  label={t("household.bsn")}
                  description={t("household.bsnDescription")}
                  value={person.bsn}
                  onChange={(bsn) => updatePerson(person.key, { bsn })}
                  autoComplete="off"
                  inputMode="numeric"
                  maxLength={11}
                  width="medium"
                  error={error("bsn")}
                />
              )}
            </div>
            {person.birthDate === "" ? (
              <RadioGroupField
                id={id("minor")}
                legend={t("household.minorQuestion")}
                description={t("household.minorDescription")}
                value={person.minor}
                onChange={(minor) => updatePerson(person.key, { minor })}
                options={minorAnswers.map((value) => ({ value, label: t(`household.minor.${value}`) }))}
                isInline
                error={error("minor")}
              />
            ) : null}
            <SelectField
              id={id("role")}
              label={t(isPublic ? "household.publicRole" : "household.role")}
              value={person.role}
              onChange={(role) => updatePerson(person.key, { role })}
              emptyOption={t("forms.choose")}
              options={personRoles.map((role) => ({ value: role, label: t(`${roleLabels}.${role}`) }))}
              required
              error={error("role")}
            />
            <Fieldset className="schakel-fieldset schakel-fieldset--nested">
              <FieldsetLegend>{t("household.address")}</FieldsetLegend>
              {index === 0 ? null : (
                <SelectField
                  id={id("same-address")}
                  label={t("household.sameAddressLabel")}
                  value={person.sameAddressAs}
                  onChange={(sameAddressAs) => updatePerson(person.key, { sameAddressAs })}
                  emptyOption={t("household.ownAddress")}
                  options={draft.persons
                    .filter((other) => other.key !== person.key && other.sameAddressAs !== person.key)
                    .map((other) => ({
                      value: other.key,
                      label: t("household.sameAddressAs", {
                        person: personLabel(t, draft.persons, other.key),
                      }),
                    }))}
                />
              )}
              {person.sameAddressAs !== "" ? (
                <Paragraph>
                  {(() => {
                    const source = addressSource(draft.persons, person.key);
                    const typed = [
                      [source?.street, source?.houseNumber].filter(Boolean).join(" "),
                      [source?.postcode, source?.city].filter(Boolean).join(" "),
                    ]
                      .filter((part) => part !== "")
                      .join(", ");
                    return typed === "" ? t("household.sameAddressEmpty") : typed;
                  })()}
                </Paragraph>
              ) : (
                <>
                  <div className="schakel-field-row">
                    <TextField
                      id={id("postcode")}
                      label={t("household.postcode")}
                      description={t("household.postcodeDescription")}
                      value={person.postcode}
                      onChange={(postcode) => updatePerson(person.key, { postcode })}
                      autoComplete="off"
                      maxLength={7}
                      width="short"
                      error={error("postcode")}
                    />
                    <TextField
                      id={id("house-number")}
                      label={t("household.houseNumber")}
                      value={person.houseNumber}
                      onChange={(houseNumber) => updatePerson(person.key, { houseNumber })}
                      autoComplete="off"
                      maxLength={20}
                      width="short"
                      error={error("house-number")}
                    />
                  </div>
                  <div className="schakel-field-row">
                    <TextField
                      id={id("street")}
                      label={t("household.street")}
                      value={person.street}
                      onChange={(street) => updatePerson(person.key, { street })}
                      autoComplete="off"
                      isProse
                      maxLength={200}
                      error={error("street")}
                    />
                    <TextField
                      id={id("city")}
                      label={t("household.city")}
                      value={person.city}
                      onChange={(city) => updatePerson(person.key, { city })}
                      autoComplete="off"
                      isProse
                      maxLength={100}
                      error={error("city")}
                    />
                  </div>
                </>
              )}
            </Fieldset>
            <ButtonGroup>
              <Button appearance="secondary-action-button" onClick={() => removePerson(person.key)}>
                {t("household.removePerson", { person: personLabel(t, draft.persons, person.key) })}
              </Button>
            </ButtonGroup>
          </Fieldset>
        );
      })}
      <ButtonGroup>
        <Button id={addPersonId} appearance="secondary-action-button" onClick={addPerson}>
          {t("household.addPerson")}
        </Button>
      </ButtonGroup>
      {messageFor(problems, addPersonId) === undefined ? null : (
        <p className="utrecht-form-field-error-message">{messageFor(problems, addPersonId)}</p>
      )}

      {isPublic ? null : (
        <>
          <Heading3>{t("household.relationsHeading")}</Heading3>
          <Paragraph>{t("household.relationsIntro")}</Paragraph>
          {draft.relations.map((relation, index) => {
            const id = (field: "from" | "type" | "to") => relationFieldId(relation.id, field);
            const error = (field: "from" | "type" | "to") => messageFor(problems, id(field));
            const isComplete = relation.from !== "" && relation.to !== "" && relation.type !== "";
            return (
              <Fieldset key={relation.id} className="schakel-fieldset schakel-relation">
                <FieldsetLegend>{t("household.relationNumber", { number: index + 1 })}</FieldsetLegend>
                <div className="schakel-field-row">
                  <SelectField
                    id={id("from")}
                    label={t("household.relationFrom")}
                    value={relation.from}
                    onChange={(from) => updateRelation(relation.id, { from })}
                    emptyOption={t("forms.choose")}
                    options={personOptions}
                    error={error("from")}
                  />
                  <SelectField
                    id={id("type")}
                    label={t("household.relationType")}
                    value={relation.type}
                    onChange={(type) => updateRelation(relation.id, { type })}
                    emptyOption={t("forms.choose")}
                    options={relationTypes.map((type) => ({ value: type, label: t(`relationType.${type}`) }))}
                    error={error("type")}
                  />
                  <SelectField
                    id={id("to")}
                    label={t("household.relationTo")}
                    value={relation.to}
                    onChange={(to) => updateRelation(relation.id, { to })}
                    emptyOption={t("forms.choose")}
                    options={personOptions}
                    error={error("to")}
                  />
                </div>
                {isComplete && relation.type !== "" ? (
                  <Paragraph className="schakel-relation__sentence">
                    {relationSentence(
                      t,
                      relation.type,
                      sentencePerson(draft.persons, relation.from),
                      sentencePerson(draft.persons, relation.to),
                    )}
                  </Paragraph>
                ) : null}
                <ButtonGroup>
                  <Button appearance="secondary-action-button" onClick={() => removeRelation(relation.id)}>
                    {t("household.removeRelation", { number: index + 1 })}
                  </Button>
                </ButtonGroup>
              </Fieldset>
            );
          })}
          {draft.persons.length < 2 ? (
            <Paragraph>{t("household.relationsNeedTwo")}</Paragraph>
          ) : (
            <ButtonGroup>
              <Button id="add-relation" appearance="secondary-action-button" onClick={addRelation}>
                {t("household.addRelation")}
              </Button>
            </ButtonGroup>
          )}
        </>
      )}
      <p role="status" className="schakel-visually-hidden">
        {announcement}
      </p>
    </section>
  );
}
