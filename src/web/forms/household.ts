import type { TFunction } from "i18next";
import type { personRoles, relationTypes } from "../../shared/intake";
import type { MinorAnswer } from "../../shared/minors";
import type { FieldProblem } from "./problems";

export type PersonRole = (typeof personRoles)[number];
export type RelationType = (typeof relationTypes)[number];

/** A person as typed into the household editor: every field a string until the report is sent. */
export interface PersonDraft {
  /** The person's key within the report (`p1`, `p2`, …); stable while persons are added and removed. */
  key: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  bsn: string;
  role: PersonRole | "";
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  /** Whether the person is a minor, asked when there is no birth date (a birth date decides). */
  minor: MinorAnswer | "";
  /** The key of another person whose address this person shares ("same address as"), or "". */
  sameAddressAs: string;
}

/** A relation as typed: from and to are person keys. */
export interface RelationDraft {
  id: string;
  from: string;
  type: RelationType | "";
  to: string;
}

export interface HouseholdDraft {
  persons: PersonDraft[];
  relations: RelationDraft[];
}

export function emptyPerson(key: string): PersonDraft {
  return {
    key,
    firstName: "",
    lastName: "",
    birthDate: "",
    bsn: "",
    role: "",
    street: "",
    houseNumber: "",
    postcode: "",
    city: "",
    minor: "",
    sameAddressAs: "",
  };
}

/** Whether nothing at all has been typed or chosen for a person (a row the form offered, left alone). */
export function isBlankPerson(person: PersonDraft): boolean {
  const { key: _key, ...fields } = person;
  return Object.values(fields).every((value) => value.trim() === "");
}

/**
 * The persons to check and send: rows left blank are dropped, so an extra row neither blocks
 * sending nor reaches the server. When every row is blank they all stay, and the check asks for
 * the first person's role: a report names at least one person.
 */
export function householdToSend(draft: HouseholdDraft): HouseholdDraft {
  const filled = draft.persons.filter((person) => !isBlankPerson(person));
  return filled.length === 0 || filled.length === draft.persons.length
    ? draft
    : { ...draft, persons: filled };
}

/**
 * The person whose typed address this person uses: following "same address as" to a person who
 * typed their own (a loop or a removed person ends at the person itself).
 */
export function addressSource(persons: readonly PersonDraft[], key: string): PersonDraft | undefined {
  const seen = new Set<string>();
  let current = persons.find((p) => p.key === key);
  while (current !== undefined && current.sameAddressAs !== "" && !seen.has(current.key)) {
    seen.add(current.key);
    const next = persons.find((p) => p.key === current?.sameAddressAs);
    if (next === undefined) {
      break;
    }
    current = next;
  }
  return current;
}

/** The id of a person's field in the form, e.g. `person-p2-birth-date`. */
export const personFieldId = (key: string, field: string): string => `person-${key}-${field}`;
/** The id of a relation's field in the form, e.g. `relation-r1-type`. */
export const relationFieldId = (id: string, field: "from" | "type" | "to"): string =>
  `relation-${id}-${field}`;

/** "Persoon 2" or "Persoon 2 (Karim el-Amrani)": how the form names a person. */
export function personLabel(t: TFunction, persons: readonly PersonDraft[], key: string): string {
  const index = persons.findIndex((person) => person.key === key);
  const person = persons[index];
  if (person === undefined) {
    return t("household.unknownPerson");
  }
  const name = `${person.firstName.trim()} ${person.lastName.trim()}`.trim();
  return name === ""
    ? t("household.personNumber", { number: index + 1 })
    : t("household.personNumberNamed", { number: index + 1, name });
}

/** A person of the draft as a relation sentence names them (see relation-sentence.ts). */
export function sentencePerson(persons: readonly PersonDraft[], key: string) {
  const index = persons.findIndex((person) => person.key === key);
  const person = persons[index];
  return person === undefined
    ? undefined
    : { number: index + 1, name: `${person.firstName.trim()} ${person.lastName.trim()}`.trim() };
}

const trimmed = (value: string): string | undefined => (value.trim() === "" ? undefined : value.trim());

/** The persons of a draft as the API takes them; empty fields are left out. */
export function personsForRequest(persons: readonly PersonDraft[], includeBsn: boolean) {
  return persons.map((draft) => {
    // One address typed once for a household that shares it; stored per person as before.
    const source = addressSource(persons, draft.key) ?? draft;
    const person = {
      ...draft,
      street: source.street,
      houseNumber: source.houseNumber,
      postcode: source.postcode,
      city: source.city,
    };
    const firstName = trimmed(person.firstName);
    const lastName = trimmed(person.lastName);
    const birthDate = trimmed(person.birthDate);
    const bsn = includeBsn ? trimmed(person.bsn.replace(/\s/g, "")) : undefined;
    const street = trimmed(person.street);
    const houseNumber = trimmed(person.houseNumber);
    const postcode = trimmed(person.postcode);
    const city = trimmed(person.city);
    const hasAddress = [street, houseNumber, postcode, city].some((part) => part !== undefined);
    return {
      key: person.key,
      // The role is checked before sending (checkHousehold); "other" is never sent for an empty one.
      role: person.role === "" ? ("other" as const) : person.role,
      ...(firstName === undefined ? {} : { firstName }),
      ...(lastName === undefined ? {} : { lastName }),
      ...(birthDate === undefined ? {} : { birthDate }),
      ...(bsn === undefined ? {} : { bsn }),
      // A birth date decides; the stated answer is only sent without one.
      ...(birthDate === undefined && person.minor !== "" ? { minor: person.minor } : {}),
      ...(hasAddress
        ? {
            address: {
              ...(street === undefined ? {} : { street }),
              ...(houseNumber === undefined ? {} : { houseNumber }),
              ...(postcode === undefined ? {} : { postcode }),
              ...(city === undefined ? {} : { city }),
            },
          }
        : {}),
    };
  });
}

/** The relations of a draft as the API takes them (checked complete by checkHousehold first). */
export function relationsForRequest(relations: readonly RelationDraft[]) {
  return relations.flatMap((relation) =>
    relation.type === "" ? [] : [{ from: relation.from, to: relation.to, type: relation.type }],
  );
}

/** What must be chosen before a household can be sent: at least one person, each with a role; complete relations. */
export function checkHousehold(
  t: TFunction,
  draft: HouseholdDraft,
  options: { addPersonId: string; withRelations: boolean },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (draft.persons.length === 0) {
    problems.push({ fieldId: options.addPersonId, message: t("household.errors.noPersons") });
  }
  for (const person of draft.persons) {
    if (person.role === "") {
      const message = t("household.errors.role");
      problems.push({
        fieldId: personFieldId(person.key, "role"),
        message,
        summary: `${personLabel(t, draft.persons, person.key)}: ${message}`,
      });
    }
  }
  if (options.withRelations) {
    draft.relations.forEach((relation, index) => {
      const context = t("household.relationNumber", { number: index + 1 });
      const add = (field: "from" | "type" | "to", message: string) =>
        problems.push({
          fieldId: relationFieldId(relation.id, field),
          message,
          summary: `${context}: ${message}`,
        });
      if (relation.from === "") {
        add("from", t("household.errors.relationFrom"));
      }
      if (relation.type === "") {
        add("type", t("household.errors.relationType"));
      }
      if (relation.to === "") {
        add("to", t("household.errors.relationTo"));
      } else if (relation.to === relation.from) {
        add("to", t("household.errors.relationSame"));
      }
    });
  }
  return problems;
}

const personFieldNames: Record<string, string> = {
  key: "first-name",
  firstName: "first-name",
  lastName: "last-name",
  birthDate: "birth-date",
  bsn: "bsn",
  role: "role",
  street: "street",
  houseNumber: "house-number",
  postcode: "postcode",
  city: "city",
  minor: "minor",
};

/**
 * Maps an API validation path within `persons` or `relations` (e.g. `persons.1.address.postcode`)
 * to the field in the editor and a message in the interface language; undefined for other paths.
 */
export function householdProblemForPath(
  t: TFunction,
  draft: HouseholdDraft,
  path: string,
  addPersonId: string,
): FieldProblem | undefined {
  if (path === "persons") {
    return { fieldId: addPersonId, message: t("household.errors.noPersons") };
  }
  const personMatch = /^persons\.(\d+)(?:\.(?:address\.)?(\w+))?/.exec(path);
  if (personMatch !== null) {
    const person = draft.persons[Number(personMatch[1])];
    if (person === undefined) {
      return { fieldId: addPersonId, message: t("household.errors.person") };
    }
    const field = personFieldNames[personMatch[2] ?? "key"] ?? "first-name";
    const messages: Record<string, string> = {
      "first-name": t("household.errors.firstName"),
      "last-name": t("household.errors.lastName"),
      "birth-date": t("household.errors.birthDate"),
      bsn: t("household.errors.bsn"),
      role: t("household.errors.role"),
      street: t("household.errors.street"),
      "house-number": t("household.errors.houseNumber"),
      postcode: t("household.errors.postcode"),
      city: t("household.errors.city"),
      minor: t("household.errors.minor"),
    };
    const message = messages[field] ?? t("forms.errors.invalid");
    return {
      fieldId: personFieldId(person.key, field),
      message,
      summary: `${personLabel(t, draft.persons, person.key)}: ${message}`,
    };
  }
  const relationMatch = /^relations\.(\d+)(?:\.(from|to|type))?/.exec(path);
  if (relationMatch !== null) {
    const index = Number(relationMatch[1]);
    const relation = draft.relations[index];
    if (relation === undefined) {
      return undefined;
    }
    const field = (relationMatch[2] ?? "from") as "from" | "type" | "to";
    const message =
      field === "type" ? t("household.errors.relationType") : t("household.errors.relationPersons");
    return {
      fieldId: relationFieldId(relation.id, field),
      message,
      summary: `${t("household.relationNumber", { number: index + 1 })}: ${message}`,
    };
  }
  return undefined;
}
