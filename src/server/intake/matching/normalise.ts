import { isValidBsn } from "../../../shared/bsn.ts";

/** What is known of a person, on the new report or on a known person; every field may be missing. */
export interface MatchInput {
  firstName?: string;
  lastName?: string;
  /** `YYYY-MM-DD` */
  birthDate?: string;
  bsn?: string;
  postcode?: string;
  houseNumber?: string;
}

/** A known person offered as a candidate has the same shape as the input. */
export type MatchCandidate = MatchInput;

export type MatchReason = "bsn" | "name" | "birthDate" | "address";

export interface MatchScore {
  /** 0..1; exactly 1 only for an equal valid BSN. */
  score: number;
  reasons: MatchReason[];
}

export type BirthDateRelation = "exact" | "swapped" | "one-digit";

// Letters that NFD does not decompose into a base letter and a combining mark.
const transliterations: Record<string, string> = {
  ß: "ss",
  ẞ: "ss",
  ø: "o",
  Ø: "o",
  æ: "ae",
  Æ: "ae",
  œ: "oe",
  Œ: "oe",
  ł: "l",
  Ł: "l",
  ı: "i",
  đ: "d",
  Đ: "d",
  ð: "d",
  Ð: "d",
  þ: "th",
  Þ: "th",
  ĳ: "ij",
  Ĳ: "ij",
};
const transliterable = new RegExp(`[${Object.keys(transliterations).join("")}]`, "g");

/**
 * A name reduced to lower-case ASCII-like words for comparison: diacritics stripped, special letters
 * transliterated ("ij" stays "ij"), apostrophes dropped, other punctuation and hyphens turned into spaces.
 */
export function normaliseName(value: string): string {
  return (
    value
      .replace(transliterable, (letter) => transliterations[letter] ?? letter)
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      // Transliterate again: a few letters only appear after decomposition (e.g. from compatibility forms).
      .replace(transliterable, (letter) => transliterations[letter] ?? letter)
      .toLowerCase()
      // Apostrophes join ("D'Souza" → "dsouza", "'t" → "t"); hyphens and other punctuation separate
      // words, so "El-Amrani" and "Jansen-de Vries" reach prefix removal as separate words.
      .replace(/['’‘`´ʼ]/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
  );
}

/**
 * Surname prefixes (tussenvoegsels and their counterparts in other languages), in normalised form.
 * Multi-word prefixes ("van der", "in 't", "op de") are covered word by word: "'t" normalises to "t".
 */
const surnamePrefixes = new Set([
  // Dutch
  "van",
  "der",
  "den",
  "de",
  "des",
  "het",
  "t",
  "s",
  "te",
  "ter",
  "ten",
  "in",
  "op",
  "aan",
  "bij",
  "uit",
  "onder",
  "voor",
  // Arabic, Berber, Hebrew
  "el",
  "al",
  "bin",
  "ben",
  "ibn",
  "bint",
  // Romance
  "da",
  "das",
  "do",
  "dos",
  "di",
  "del",
  "della",
  "du",
  "le",
  "la",
  "les",
  "lo",
  "y",
  // German
  "von",
  "vom",
  "zu",
  "zum",
  "zur",
]);

/** The words of a surname without its prefixes; when the surname is nothing but prefix words (Vietnamese "Le"), all of them. */
function surnameWords(lastName: string): string[] {
  const words = normaliseName(lastName).split(" ").filter(Boolean);
  const kept = words.filter((word) => !surnamePrefixes.has(word));
  return kept.length > 0 ? kept : words;
}

/**
 * The comparable key of a surname: normalised, with prefixes removed wherever they stand, the parts of a
 * double surname kept in order and joined by a space ("Jansen-de Vries" → "jansen vries").
 */
export function surnameKey(lastName: string): string {
  return surnameWords(lastName).join(" ");
}

/** The parts of a surname key, each of which may match on its own ("Jansen-de Vries" → ["jansen", "vries"]). */
export function surnameParts(lastName: string): string[] {
  return surnameWords(lastName);
}

/**
 * Spelling variants and the most common Dutch formal/informal pairs (baptismal name and call name),
 * mapped to one canonical form. A starting point: administrators will extend it with what their region sees.
 * Only true variants of the same name belong here, not names that merely look alike.
 */
const firstNameVariants: Record<string, readonly string[]> = {
  mohammed: [
    "mohamed",
    "muhammad",
    "mohammad",
    "muhammed",
    "mohamad",
    "mohamet",
    "muhamed",
    "mehmet",
    "mehmed",
  ],
  ahmed: ["ahmad", "ahmet"],
  mustafa: ["mustapha", "mostafa", "moustafa"],
  youssef: ["yusuf", "yousef", "youssouf", "yosef", "jusuf", "joesoef"],
  ibrahim: ["ebrahim", "brahim"],
  hassan: ["hasan"],
  hussein: ["hussain", "husain", "huseyin", "hoessein"],
  omar: ["umar", "omer"],
  abdullah: ["abdallah", "abdellah"],
  fatima: ["fatma", "fatimah", "fatema", "fadma"],
  aisha: ["aicha", "aischa", "aysha", "ayse"],
  khadija: ["khadidja", "hatice", "hadija"],
  jan: ["johannes", "johan", "hans"],
  pieter: ["piet", "petrus", "peter"],
  cornelis: ["kees", "cees", "cor", "cornelius"],
  hendrik: ["henk", "hendrikus", "henricus"],
  willem: ["wim", "wilhelmus"],
  jacob: ["jaap", "jacobus", "jakob", "koos"],
  gerard: ["gerardus", "gert"],
  adriaan: ["adrianus", "ad", "arie"],
  anton: ["antonius", "toon", "ton", "antonie"],
  frans: ["franciscus"],
  jozef: ["josephus", "joseph", "jozeph", "sjef", "joep"],
  nicolaas: ["klaas", "nico", "nikolaas"],
  theo: ["theodorus"],
  gijsbert: ["gijs", "gijsbertus"],
  abraham: ["bram"],
  matthijs: ["mathijs", "thijs", "mattijs"],
  daniel: ["daan"],
  christiaan: ["christian", "kristian"],
  frederik: ["frederick", "frits", "freek"],
  maria: ["marie"],
  catharina: ["katharina", "catherine", "katrien", "catrien"],
  elisabeth: ["elizabeth", "els", "liesbeth", "lisbeth"],
  margaretha: ["margriet", "greet"],
  aleksander: ["alexander", "aleksandr", "alexandr"],
  mark: ["marc"],
  erik: ["eric"],
  stefan: ["stephan"],
  sophie: ["sofie"],
  sofia: ["sophia"],
};

const canonicalFirstName = new Map<string, string>();
for (const [canonical, variants] of Object.entries(firstNameVariants)) {
  for (const variant of [canonical, ...variants]) {
    canonicalFirstName.set(normaliseName(variant), canonical);
  }
}

/**
 * The comparable key of a first name: the first given name (the first word, and the first part of a
 * hyphenated name such as "Jan-Willem"), normalised and mapped to its canonical variant.
 */
export function firstNameKey(firstName: string): string {
  const first = normaliseName(firstName).split(" ")[0] ?? "";
  return canonicalFirstName.get(first) ?? first;
}

/** A Dutch postcode in its stored form: upper case without spaces ("1234 ab" → "1234AB"). */
export function normalisePostcode(postcode: string): string {
  return postcode.replace(/\s+/g, "").toUpperCase();
}

/**
 * A house number in comparable form: lower case, a letter joined to its number ("12 A", "12-a" →
 * "12a"), but two numbers kept apart by one hyphen ("13-6", "13 6" → "13-6"), since "136" is
 * another house.
 */
export function normaliseHouseNumber(houseNumber: string): string {
  return houseNumber
    .trim()
    .toLowerCase()
    .replace(/(\d)[\s-]+(?=\d)/g, "$1/")
    .replace(/[\s-]+/g, "")
    .replaceAll("/", "-");
}

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * How two birth dates relate: equal, day and month swapped (both ≤ 12 and different), or exactly one
 * digit different in YYYYMMDD; null otherwise or when either is not a `YYYY-MM-DD` string.
 */
export function birthDateRelation(a: string, b: string): BirthDateRelation | null {
  if (!isoDatePattern.test(a) || !isoDatePattern.test(b)) {
    return null;
  }
  if (a === b) {
    return "exact";
  }
  const [yearA, monthA, dayA] = a.split("-");
  const [yearB, monthB, dayB] = b.split("-");
  if (
    yearA === yearB &&
    monthA !== dayA &&
    monthA === dayB &&
    dayA === monthB &&
    Number(monthA) <= 12 &&
    Number(dayA) <= 12
  ) {
    return "swapped";
  }
  const digitsA = a.replaceAll("-", "");
  const digitsB = b.replaceAll("-", "");
  let differences = 0;
  for (let i = 0; i < digitsA.length; i++) {
    if (digitsA[i] !== digitsB[i]) {
      differences += 1;
    }
  }
  return differences === 1 ? "one-digit" : null;
}

/** The trigrams of a string as PostgreSQL's pg_trgm makes them: per word, padded with two spaces before and one after. */
export function trigrams(value: string): Set<string> {
  const result = new Set<string>();
  for (const word of value.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word === "") {
      continue;
    }
    const padded = [" ", " ", ...word, " "];
    for (let i = 0; i + 3 <= padded.length; i++) {
      result.add(padded.slice(i, i + 3).join(""));
    }
  }
  return result;
}

/** Trigram similarity as pg_trgm's similarity(): shared trigrams over all distinct trigrams, 0 when either has none. */
export function trigramSimilarity(a: string, b: string): number {
  const setA = trigrams(a);
  const setB = trigrams(b);
  if (setA.size === 0 || setB.size === 0) {
    return 0;
  }
  let shared = 0;
  for (const trigram of setA) {
    if (setB.has(trigram)) {
      shared += 1;
    }
  }
  return shared / (setA.size + setB.size - shared);
}

/** Whether two strings are one edit apart: one letter substituted, inserted, deleted, or two neighbours swapped. */
export function isOneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) {
    return false;
  }
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    start += 1;
  }
  const restA = a.slice(start);
  const restB = b.slice(start);
  if (restA.length === restB.length) {
    if (restA.slice(1) === restB.slice(1)) {
      return true;
    }
    return (
      restA.length >= 2 && restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2)
    );
  }
  return restA.length > restB.length ? restA.slice(1) === restB : restB.slice(1) === restA;
}

/**
 * Scoring weights, documented here because the intake worker sees the result:
 *
 * - An equal valid BSN settles it: score 1 (and the other agreeing reasons are listed beside "bsn").
 * - Otherwise score = 0.5 × name + 0.3 × birth date + 0.2 × address, where
 *   - name (0..1) = 0.6 × surname + 0.4 × first name; a missing first name counts as half the surname's
 *     score (neither for nor against: reports often lack it), a missing surname as 0;
 *   - surname: 1 for equal keys, 0.9 when a part of one equals a part of the other ("Jansen-de Vries" and
 *     "de Vries"), else the best of the trigram similarity of the keys and 0.7 for a one-edit typo in a key
 *     of four letters or more (trigrams punish swapped letters: "jasnen"/"jansen" is 0.27);
 *   - first name: 1 for equal keys, else the best of trigram similarity and 0.7 for a one-edit typo;
 *   - birth date: exact 1, day and month swapped 0.8, one digit off 0.6;
 *   - address: 1 when normalised postcode and house number are both equal.
 * - Reasons: "name" when the surname scores ≥ 0.5 or the first-name keys are equal, "birthDate" for any
 *   relation, "address" for an equal address.
 * - Caps: without a "birthDate" or "address" reason the score is at most 0.5 (a name alone never suffices);
 *   without a "name" reason at most 0.55 (a birth date and an address are shared by a household);
 *   without a BSN at most 0.95, so 1 always means the BSN; with two first names that clearly differ
 *   (similarity below 0.3 after variants and more than one edit apart) at most 0.55, so a twin or
 *   sibling is not offered.
 * So nothing reaches 0.6 without a name reason and a birth-date or address reason, while equal surnames and
 * first names with any birth-date relation or the same address always do (0.68 for a one-digit date).
 * Two different valid BSNs are not counted against a candidate: the person deciding sees both.
 */
export const matchWeights = {
  name: 0.5,
  birthDate: 0.3,
  address: 0.2,
  surnameInName: 0.6,
  firstNameInName: 0.4,
  missingFirstName: 0.5,
  sharedSurnamePart: 0.9,
  oneEditTypo: 0.7,
  birthDateRelation: { exact: 1, swapped: 0.8, "one-digit": 0.6 },
  nameReasonSurname: 0.5,
  capWithoutSupport: 0.5,
  capWithoutName: 0.55,
  capWithoutBsn: 0.95,
  differentFirstName: 0.3,
} as const;

function surnameSimilarity(a: string, b: string): number {
  const keyA = surnameKey(a);
  const keyB = surnameKey(b);
  if (keyA === "" || keyB === "") {
    return 0;
  }
  if (keyA === keyB || keyA.replaceAll(" ", "") === keyB.replaceAll(" ", "")) {
    return 1;
  }
  const partsB = new Set(surnameParts(b));
  if (surnameParts(a).some((part) => partsB.has(part))) {
    return matchWeights.sharedSurnamePart;
  }
  const typo =
    Math.min(keyA.length, keyB.length) >= 4 && isOneEditApart(keyA, keyB) ? matchWeights.oneEditTypo : 0;
  return Math.max(trigramSimilarity(keyA, keyB), typo);
}

/** Null when either first name is missing or has nothing comparable left after normalising. */
function firstNameSimilarity(a: string | undefined, b: string | undefined): number | null {
  const keyA = a === undefined ? "" : firstNameKey(a);
  const keyB = b === undefined ? "" : firstNameKey(b);
  if (keyA === "" || keyB === "") {
    return null;
  }
  if (keyA === keyB) {
    return 1;
  }
  const typo =
    Math.min(keyA.length, keyB.length) >= 4 && isOneEditApart(keyA, keyB) ? matchWeights.oneEditTypo : 0;
  return Math.max(trigramSimilarity(keyA, keyB), typo);
}

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== "";

/** Scores how likely a known person is the person on a report, with the reasons that contributed (weights above). */
export function scoreCandidate(input: MatchInput, candidate: MatchCandidate): MatchScore {
  const reasons: MatchReason[] = [];

  const surname =
    present(input.lastName) && present(candidate.lastName)
      ? surnameSimilarity(input.lastName, candidate.lastName)
      : 0;
  const firstName = firstNameSimilarity(input.firstName, candidate.firstName);
  const name =
    matchWeights.surnameInName * surname +
    matchWeights.firstNameInName * (firstName ?? matchWeights.missingFirstName * surname);
  const firstNamesEqual =
    firstName !== null && firstNameKey(input.firstName ?? "") === firstNameKey(candidate.firstName ?? "");
  if (surname >= matchWeights.nameReasonSurname || firstNamesEqual) {
    reasons.push("name");
  }

  const relation =
    present(input.birthDate) && present(candidate.birthDate)
      ? birthDateRelation(input.birthDate, candidate.birthDate)
      : null;
  const birthDate = relation ? matchWeights.birthDateRelation[relation] : 0;
  if (relation) {
    reasons.push("birthDate");
  }

  const sameAddress =
    present(input.postcode) &&
    present(candidate.postcode) &&
    present(input.houseNumber) &&
    present(candidate.houseNumber) &&
    normalisePostcode(input.postcode) === normalisePostcode(candidate.postcode) &&
    normaliseHouseNumber(input.houseNumber) === normaliseHouseNumber(candidate.houseNumber);
  if (sameAddress) {
    reasons.push("address");
  }

  const bsnEqual =
    present(input.bsn) &&
    present(candidate.bsn) &&
    input.bsn.trim() === candidate.bsn.trim() &&
    isValidBsn(input.bsn.trim());
  if (bsnEqual) {
    return { score: 1, reasons: ["bsn", ...reasons] };
  }

  let score =
    matchWeights.name * name +
    matchWeights.birthDate * birthDate +
    matchWeights.address * (sameAddress ? 1 : 0);
  if (!relation && !sameAddress) {
    score = Math.min(score, matchWeights.capWithoutSupport);
  }
  if (!reasons.includes("name")) {
    score = Math.min(score, matchWeights.capWithoutName);
  }
  // Same surname and birth date but clearly another first name: a twin or a sibling, not this person.
  // One typo in a short name ("Jan" → "Jn") is not "clearly another" although trigrams say so.
  const clearlyOtherFirstName =
    firstName !== null &&
    firstName < matchWeights.differentFirstName &&
    !isOneEditApart(firstNameKey(input.firstName ?? ""), firstNameKey(candidate.firstName ?? ""));
  if (clearlyOtherFirstName) {
    score = Math.min(score, matchWeights.capWithoutName);
  }
  score = Math.min(score, matchWeights.capWithoutBsn);
  // Rounded so that scores compare and display stably (0.6000000000000001 is not "0.6").
  return { score: Math.round(score * 1000) / 1000, reasons };
}
