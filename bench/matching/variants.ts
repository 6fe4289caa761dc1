import { firstNameKey, type MatchInput, normaliseName } from "../../src/server/intake/matching/normalise.ts";
import { alternativeFirstNameSpellings, femaleFirstNames, maleFirstNames } from "./dutch-names.ts";
import {
  oneDigitOff,
  oneEdit,
  respellSurname,
  rewriteHouseNumber,
  stripDiacritics,
  surnameTypo,
  swappedBirthDate,
  withDiacritics,
} from "./edits.ts";
import { createPersonFactory, type GeneratedPerson } from "./generate-persons.ts";
import { createRandom } from "./random.ts";

/** How a query about a known person differs from what is stored; one change per kind. */
export const presentKinds = [
  "exact",
  "surname-typo",
  "first-name-typo",
  "diacritics",
  "surname-case-hyphen",
  "birth-date-swapped",
  "birth-date-one-digit",
  "first-name-variant",
  "address-no-birth-date",
  "house-number-spelling",
  "bsn-with-surname-typo",
] as const;
/** Queries about persons who are not in the database: any candidate is a false positive. */
export const absentKinds = ["absent-random", "absent-household-member"] as const;

export type PresentKind = (typeof presentKinds)[number];
export type AbsentKind = (typeof absentKinds)[number];
export type QueryKind = PresentKind | AbsentKind;

export interface MatchQuery {
  kind: QueryKind;
  input: MatchInput;
  /** The id of the stored person the query was made from; null for an absent person. */
  truthId: string | null;
}

/** What each kind sends: documented once here because the recall table is read against it. */
export const kindDescriptions: Record<QueryKind, string> = {
  exact: "names, birth date and address as stored (postcode as typed, 1234 AB)",
  "surname-typo": "one edit in the surname (substitution, insertion, deletion or swap); names + birth date",
  "first-name-typo": "one edit in the first name; names + birth date",
  diacritics: "diacritics removed (Öztürk → Ozturk) or added (Daniel → Daniël); names + birth date",
  "surname-case-hyphen":
    "surname case, hyphen or spacing (El Amrani → el-Amrani, van der Meer → Van Der Meer)",
  "birth-date-swapped": "day and month swapped (both ≤ 12); names + birth date",
  "birth-date-one-digit": "one digit of YYYYMMDD different; names + birth date",
  "first-name-variant": "another spelling or call name the app's first-name table knows (Johannes → Hans)",
  "address-no-birth-date": "names + postcode (1234ab) and house number, no birth date",
  "house-number-spelling":
    "names + address, the house-number addition spaced or hyphenated differently (12a → 12-a)",
  "bsn-with-surname-typo": "BSN + names with a surname typo; no birth date or address",
  "absent-random": "a new person (names, birth date, address) who is not in the database",
  "absent-household-member":
    "a new person at a known address with that household's surname, a first name none of them has, own birth date",
};

/** Spellings that firstNameKey() maps to the same key: the variants the application knows. */
function knownFirstNameVariants(): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const spelling of new Set([
    ...femaleFirstNames,
    ...maleFirstNames,
    ...alternativeFirstNameSpellings,
  ])) {
    const key = firstNameKey(spelling);
    byKey.set(key, [...(byKey.get(key) ?? []), spelling]);
  }
  return byKey;
}

function diacriticsVariant(p: GeneratedPerson): MatchInput | null {
  const hasMarks = (value: string) => stripDiacritics(value) !== value;
  if (hasMarks(p.firstName) || hasMarks(p.lastName)) {
    return {
      firstName: stripDiacritics(p.firstName),
      lastName: stripDiacritics(p.lastName),
      birthDate: p.birthDate,
    };
  }
  const added = withDiacritics[p.firstName];
  return added ? { firstName: added, lastName: p.lastName, birthDate: p.birthDate } : null;
}

const namesAndBirthDate = (p: GeneratedPerson): MatchInput => ({
  firstName: p.firstName,
  lastName: p.lastName,
  birthDate: p.birthDate,
});

/**
 * Queries with a known answer: `perKind` variants of distinct stored persons for every present
 * kind (persons the kind does not apply to are skipped), and `absentPerKind` persons who are not
 * stored. None of the name/date kinds sends an address or a BSN, so each tests its own path.
 */
export function buildQueries(
  pool: readonly GeneratedPerson[],
  options: { seed: number; perKind: number; absentPerKind: number },
): MatchQuery[] {
  const random = createRandom(options.seed);
  const variantsByKey = knownFirstNameVariants();
  const makers: Record<PresentKind, (p: GeneratedPerson) => MatchInput | null> = {
    exact: (p) => ({ ...namesAndBirthDate(p), postcode: p.postcode, houseNumber: p.houseNumber }),
    "surname-typo": (p) => ({ ...namesAndBirthDate(p), lastName: surnameTypo(p.lastName, random) }),
    "first-name-typo": (p) => ({ ...namesAndBirthDate(p), firstName: oneEdit(p.firstName, random) }),
    diacritics: diacriticsVariant,
    "surname-case-hyphen": (p) => ({ ...namesAndBirthDate(p), lastName: respellSurname(p.lastName, random) }),
    "birth-date-swapped": (p) => {
      const swapped = swappedBirthDate(p.birthDate);
      return swapped ? { ...namesAndBirthDate(p), birthDate: swapped } : null;
    },
    "birth-date-one-digit": (p) => ({ ...namesAndBirthDate(p), birthDate: oneDigitOff(p.birthDate, random) }),
    "first-name-variant": (p) => {
      const own = normaliseName(p.firstName);
      const others = (variantsByKey.get(firstNameKey(p.firstName)) ?? []).filter(
        (s) => normaliseName(s) !== own,
      );
      return others.length > 0 ? { ...namesAndBirthDate(p), firstName: random.pick(others) } : null;
    },
    "address-no-birth-date": (p) => ({
      firstName: p.firstName,
      lastName: p.lastName,
      postcode: p.postcode.replace(" ", "").toLowerCase(),
      houseNumber: p.houseNumber,
    }),
    "house-number-spelling": (p) => {
      const houseNumber = rewriteHouseNumber(p.houseNumber, random);
      return houseNumber
        ? { firstName: p.firstName, lastName: p.lastName, postcode: p.postcode, houseNumber }
        : null;
    },
    "bsn-with-surname-typo": (p) =>
      p.bsn ? { bsn: p.bsn, firstName: p.firstName, lastName: surnameTypo(p.lastName, random) } : null,
  };

  // Every stored person serves at most one query, in a seeded random order.
  const order = pool.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const used = new Set<number>();
  const queries: MatchQuery[] = [];
  for (const kind of presentKinds) {
    let made = 0;
    for (const index of order) {
      if (made >= options.perKind) {
        break;
      }
      const person = pool[index];
      if (used.has(index) || !person) {
        continue;
      }
      const input = makers[kind](person);
      if (input) {
        used.add(index);
        queries.push({ kind, input, truthId: person.id });
        made += 1;
      }
    }
  }

  // Absent persons come from a factory with its own seed: the same name lists, other draws.
  const factory = createPersonFactory(createRandom(options.seed ^ 0x5f3759df));
  for (let i = 0; i < options.absentPerKind; i++) {
    const sex = factory.random.chance(0.5) ? "f" : "m";
    queries.push({
      kind: "absent-random",
      truthId: null,
      input: {
        firstName: factory.firstName(sex),
        lastName: factory.surname(),
        birthDate: factory.birthDateBetween("1940-01-01", "2025-12-31"),
        ...(({ postcode, houseNumber }) => ({ postcode, houseNumber }))(factory.address()),
      },
    });
  }
  // The pool holds whole households, so the newcomer can be given a name nobody there has.
  const namesByHousehold = new Map<number, Set<string>>();
  for (const person of pool) {
    const names = namesByHousehold.get(person.household) ?? new Set<string>();
    names.add(firstNameKey(person.firstName));
    namesByHousehold.set(person.household, names);
  }
  const anchors = order.filter((index) => !used.has(index)).slice(0, options.absentPerKind);
  for (const index of anchors) {
    const anchor = pool[index] as GeneratedPerson;
    const firstName = factory.firstNameOtherThan(namesByHousehold.get(anchor.household) ?? new Set());
    queries.push({
      kind: "absent-household-member",
      truthId: null,
      input: {
        firstName,
        lastName: anchor.lastName,
        birthDate: factory.birthDateBetween("1940-01-01", "2025-12-31"),
        postcode: anchor.postcode,
        houseNumber: anchor.houseNumber,
      },
    });
  }
  return queries;
}
