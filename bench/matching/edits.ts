import { normaliseName } from "../../src/server/intake/matching/normalise.ts";
import type { Random } from "./random.ts";

// The controlled changes that turn a stored person into a query: each mimics a mistake or a
// spelling difference seen on real reports, and none makes it a different person.

// Prefix words a typo should not land in: a typo in "van" is a typo in the prefix, not the name.
const prefixWords = new Set([
  "van",
  "der",
  "den",
  "de",
  "ter",
  "ten",
  "t",
  "in",
  "op",
  "el",
  "al",
  "ben",
  "ait",
]);
const letters = "abcdefghijklmnoprstuvwz";

/** One edit (substitute, insert, delete, swap neighbours) somewhere in `word`; never a no-op. */
export function oneEdit(word: string, random: Random): string {
  for (;;) {
    const at = random.int(word.length);
    const keepCase = (letter: string) =>
      word[at] === word[at]?.toUpperCase() ? letter.toUpperCase() : letter;
    const operation = random.int(word.length >= 4 ? 4 : 3);
    let edited: string;
    if (operation === 0) {
      edited = word.slice(0, at) + keepCase(random.pick([...letters])) + word.slice(at + 1);
    } else if (operation === 1) {
      edited = word.slice(0, at + 1) + random.pick([...letters]) + word.slice(at + 1);
    } else if (operation === 2 && at + 1 < word.length) {
      edited = word.slice(0, at) + (word[at + 1] ?? "") + (word[at] ?? "") + word.slice(at + 2);
    } else {
      edited = word.slice(0, at) + word.slice(at + 1);
    }
    if (normaliseName(edited) !== normaliseName(word)) {
      return edited;
    }
  }
}

/** A typo in the longest non-prefix word of a surname ("van der Meer" → "van der Meet"). */
export function surnameTypo(lastName: string, random: Random): string {
  const words = [...lastName.matchAll(/\p{L}+/gu)].filter((m) => !prefixWords.has(m[0].toLowerCase()));
  const target = words.sort((a, b) => b[0].length - a[0].length)[0];
  if (!target || target.index === undefined) {
    return oneEdit(lastName, random);
  }
  const start = target.index;
  return lastName.slice(0, start) + oneEdit(target[0], random) + lastName.slice(start + target[0].length);
}

/** Diacritics away, as on a keyboard without them; ı and ł are letters of their own, not marks. */
export const stripDiacritics = (value: string) =>
  value.normalize("NFD").replace(/\p{M}/gu, "").replace(/ı/g, "i").replace(/ł/g, "l").replace(/Ł/g, "L");

export const withDiacritics: Record<string, string> = {
  Daniel: "Daniël",
  Michael: "Michaël",
  Rafael: "Rafaël",
  Noel: "Noël",
  Joel: "Joël",
  Zoe: "Zoë",
  Chloe: "Chloë",
  Rene: "René",
  Andre: "André",
  Ines: "Inès",
  Renee: "Renée",
};

/** Case, hyphen and spacing differences of the same surname. */
export function respellSurname(lastName: string, random: Random): string {
  if (lastName.includes("-")) {
    return lastName.replace("-", random.pick([" ", " - "]));
  }
  const particle = /^(El|el|Al|al|Ben|ben|Ait|ait) (.+)$/.exec(lastName);
  if (particle) {
    return `${(particle[1] ?? "").toLowerCase()}-${particle[2]}`;
  }
  if (/^[a-z]/.test(lastName)) {
    return lastName.replace(/\b\p{Ll}/gu, (letter) => letter.toUpperCase());
  }
  return random.chance(0.5) ? lastName.toUpperCase() : lastName.toLowerCase();
}

const isRealDate = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
};

export function swappedBirthDate(iso: string): string | null {
  const [year, month, day] = iso.split("-");
  if (!year || !month || !day || month === day || Number(day) > 12) {
    return null;
  }
  return `${year}-${day}-${month}`;
}

export function oneDigitOff(iso: string, random: Random): string {
  const digits = iso.replaceAll("-", "");
  for (;;) {
    const at = random.int(8);
    const changed = digits.slice(0, at) + String(random.int(10)) + digits.slice(at + 1);
    const candidate = `${changed.slice(0, 4)}-${changed.slice(4, 6)}-${changed.slice(6, 8)}`;
    if (changed !== digits && isRealDate(candidate) && candidate <= "2025-12-31") {
      return candidate;
    }
  }
}

export function rewriteHouseNumber(houseNumber: string, random: Random): string | null {
  const parts = /^(\d+)([\s-]*)([A-Za-z]|\d+)$/.exec(houseNumber);
  if (!parts) {
    return null;
  }
  const [, number, separator, addition = ""] = parts;
  const isLetter = /[A-Za-z]/.test(addition);
  if (!isLetter && separator === "") {
    return null; // "136" is a house number without addition, not 13 with addition 6
  }
  const forms = isLetter
    ? [`${number}${addition}`, `${number} ${addition}`, `${number}-${addition}`]
    : [`${number} ${addition}`, `${number}-${addition}`];
  const different = forms.filter((form) => form.toLowerCase() !== houseNumber.toLowerCase());
  return different.length > 0 ? random.pick(different) : null;
}
