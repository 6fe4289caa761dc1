import type { TFunction } from "i18next";
import type { RelationType } from "./household";

/** A person as a relation sentence names them: by name when known, always with their number. */
export interface SentencePerson {
  /** 1-based place of the person in the form or report. */
  number: number;
  name: string;
}

function inSentence(t: TFunction, person: SentencePerson | undefined): string {
  if (person === undefined) {
    return t("household.unknownPerson");
  }
  return person.name === ""
    ? t("household.personInSentence", { number: person.number })
    : t("household.personInSentenceNamed", { number: person.number, name: person.name });
}

/**
 * "Fatma el-Amrani (persoon 1) is een ouder van persoon 3.": one whole sentence per relation
 * type, so each language can choose its own article and word order; the first letter is raised
 * because an unnamed person starts the sentence in lower case ("persoon 2").
 */
export function relationSentence(
  t: TFunction,
  type: RelationType,
  from: SentencePerson | undefined,
  to: SentencePerson | undefined,
): string {
  const sentence = t(`relationSentence.${type}`, { from: inSentence(t, from), to: inSentence(t, to) });
  return sentence.charAt(0).toLocaleUpperCase() + sentence.slice(1);
}
