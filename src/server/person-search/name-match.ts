import {
  birthDateRelation,
  firstNameKey,
  isOneEditApart,
  normaliseName,
  surnameKey,
  surnameParts,
} from "../intake/matching/normalise.ts";

/**
 * The words of a search name that must each be found in a person's name: normalised as intake
 * matching does (case, diacritics, hyphens), surname prefixes ("el", "van der") left out unless
 * the name is nothing else.
 */
export function searchWords(name: string): string[] {
  return [...new Set(surnameParts(name))];
}

/** Every form a person's name can be found by: each given name and its canonical variant, each surname part, the surname written as one word. */
export function nameForms(person: { firstName?: string | null; lastName?: string | null }): Set<string> {
  const forms = new Set<string>();
  for (const word of normaliseName(person.firstName ?? "").split(" ")) {
    if (word !== "") {
      forms.add(word);
      forms.add(firstNameKey(word));
    }
  }
  if (person.lastName) {
    for (const part of surnameParts(person.lastName)) {
      forms.add(part);
    }
    forms.add(normaliseName(person.lastName).replaceAll(" ", ""));
    forms.add(surnameKey(person.lastName).replaceAll(" ", ""));
  }
  forms.delete("");
  return forms;
}

/**
 * Whether one search word finds one name form: equal, the same first name in another spelling
 * ("Fatma" and "Fatima"), one typo in a word of four letters or more, or the start of the word
 * (three letters or more, for a name half remembered).
 */
export function wordFinds(word: string, form: string): boolean {
  if (word === form || firstNameKey(word) === firstNameKey(form)) {
    return true;
  }
  if (Math.min(word.length, form.length) >= 4 && isOneEditApart(word, form)) {
    return true;
  }
  return word.length >= 3 && form.startsWith(word);
}

/** Whether a person is found by the search name: every search word finds a form of their name. */
export function nameFinds(
  name: string,
  person: { firstName?: string | null; lastName?: string | null },
): boolean {
  const words = searchWords(name);
  if (words.length === 0) {
    return false;
  }
  const forms = [...nameForms(person)];
  return words.every((word) => forms.some((form) => wordFinds(word, form)));
}

/**
 * Whether a birth date fits the searched one. With a name beside it, a swapped day and month or
 * one digit off still fits (as in intake matching); a birth date alone must be exact, or it would
 * find half the region.
 */
export function birthDateFits(searched: string, actual: string | null, withName: boolean): boolean {
  if (actual === null) {
    return false;
  }
  const relation = birthDateRelation(searched, actual);
  return withName ? relation !== null : relation === "exact";
}
