import type { TFunction } from "i18next";
import type { ReportDetail } from "../../../shared/intake";

export type ReportPerson = ReportDetail["persons"][number];

/** A person of the report as a relation sentence names them (see relation-sentence.ts). */
export function reportSentencePerson(report: ReportDetail, key: string) {
  const index = report.persons.findIndex((person) => person.key === key);
  const person = report.persons[index];
  return person === undefined
    ? undefined
    : { number: index + 1, name: `${person.firstName ?? ""} ${person.lastName ?? ""}`.trim() };
}

/** A person's name as the report has it, or "Persoon 2" when no name was given. */
export function reportPersonName(t: TFunction, report: ReportDetail, key: string): string {
  const index = report.persons.findIndex((person) => person.key === key);
  const person = report.persons[index];
  const name = `${person?.firstName ?? ""} ${person?.lastName ?? ""}`.trim();
  return name === "" ? t("household.personNumber", { number: index + 1 }) : name;
}
