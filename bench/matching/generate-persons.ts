import { firstNameKey } from "../../src/server/intake/matching/normalise.ts";
import {
  cities,
  commonDutchSurnames,
  femaleFirstNames,
  longTailSurnames,
  maleFirstNames,
  migrantSurnames,
  streets,
} from "./dutch-names.ts";
import { byRank, createRandom, type Random, weightedList } from "./random.ts";

/** A synthetic person as a report would describe them; the loader derives the stored columns. */
export interface GeneratedPerson {
  id: string;
  /** Persons with the same number live together (not stored: the address says it). */
  household: number;
  firstName: string;
  lastName: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
  bsn: string | null;
  street: string;
  /** As typed: "12", "12a", "12 B", "12-2". */
  houseNumber: string;
  /** As typed: "1234 AB". */
  postcode: string;
  city: string;
}

export interface Address {
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
}

/** Share of persons with a BSN: reports often come without one, known persons often have one. */
const bsnShare = 0.65;
/** Share of adult surnames that are hyphenated double surnames ("Jansen-de Vries"). */
const doubleSurnameShare = 0.04;

const bsnWeights = [9, 8, 7, 6, 5, 4, 3, 2] as const;

/**
 * A valid BSN (eleven-test) that is unique per number: the eight leading digits are a bijection of
 * `n` (an odd multiplier not divisible by 5 permutes 0..10^8-1), the ninth makes the weighted sum
 * divisible by 11. Null for the ~1 in 11 numbers whose check digit would be 10.
 */
export function bsnFor(n: number): string | null {
  const leading = String((n * 48_271 + 12_345_678) % 100_000_000).padStart(8, "0");
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    sum += Number(leading[i]) * (bsnWeights[i] ?? 0);
  }
  const check = sum % 11;
  const bsn = `${leading}${check}`;
  return check === 10 || bsn === "000000000" ? null : bsn;
}

const hex = (n: number, digits: number) => n.toString(16).padStart(digits, "0");

/** A version-4-shaped UUID from the seeded generator, so ids repeat between runs too. */
function uuidFrom(random: Random): string {
  const word = () => random.int(0x1_0000_0000);
  const a = word();
  const b = word();
  const c = word();
  const d = word();
  return [
    hex(a, 8),
    hex(b >>> 16, 4),
    hex(((b & 0x0fff) | 0x4000) >>> 0, 4),
    hex(((c >>> 16) & 0x3fff) | 0x8000, 4),
    hex(c & 0xffff, 4) + hex(d, 8),
  ].join("-");
}

const dayMs = 86_400_000;
const isoDay = (dayNumber: number) => new Date(dayNumber * dayMs).toISOString().slice(0, 10);
const dayNumberOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / dayMs);

/** The letters of a Dutch postcode: any two, except SA, SD and SS. */
function postcodeLetters(random: Random): string {
  for (;;) {
    const letters = String.fromCharCode(65 + random.int(26), 65 + random.int(26));
    if (letters !== "SA" && letters !== "SD" && letters !== "SS") {
      return letters;
    }
  }
}

/** Capitalises a surname's prefix, as when no first name precedes it ("van den Berg" → "Van den Berg"). */
const capitalisePrefix = (surname: string) => surname.charAt(0).toUpperCase() + surname.slice(1);

/** Picks names, dates and addresses; shared by the population and the "absent" persons of the queries. */
export interface PersonFactory {
  random: Random;
  firstName(sex: "f" | "m"): string;
  /** A first name of either sex whose key (firstNameKey) is not among `taken`. */
  firstNameOtherThan(taken: ReadonlySet<string>): string;
  surname(): string;
  birthDateBetween(from: string, to: string): string;
  address(): Address;
  newId(): string;
}

export function createPersonFactory(random: Random): PersonFactory {
  const female = weightedList(byRank(femaleFirstNames, 8));
  const male = weightedList(byRank(maleFirstNames, 8));
  const common = weightedList(byRank(commonDutchSurnames, 30));
  const migrant = weightedList(byRank(migrantSurnames, 30));
  const tail = longTailSurnames();
  const singleSurname = (): string => {
    const draw = random.next();
    // Shares chosen so the most frequent surname ("de Jong") holds about 0.6 % of persons, as in
    // the Netherlands, and most surnames come from the long tail.
    const name = draw < 0.3 ? common.pick(random) : draw < 0.42 ? migrant.pick(random) : random.pick(tail);
    return /^[a-z]/.test(name) && random.chance(0.15) ? capitalisePrefix(name) : name;
  };
  return {
    random,
    firstName: (sex) => (sex === "f" ? female : male).pick(random),
    firstNameOtherThan(taken) {
      for (;;) {
        const name = (random.chance(0.5) ? female : male).pick(random);
        if (!taken.has(firstNameKey(name))) {
          return name;
        }
      }
    },
    surname() {
      const first = singleSurname();
      return random.chance(doubleSurnameShare) ? `${capitalisePrefix(first)}-${singleSurname()}` : first;
    },
    birthDateBetween(from, to) {
      return isoDay(random.between(dayNumberOf(from), dayNumberOf(to)));
    },
    address() {
      const number = random.between(1, 250);
      const addition = random.next();
      const houseNumber =
        addition < 0.04
          ? `${number}${random.pick(["a", "b", "c"])}`
          : addition < 0.07
            ? `${number}${random.pick(["A", "B"])}`
            : addition < 0.09
              ? `${number} ${random.pick(["a", "b", "A", "B"])}`
              : addition < 0.12
                ? `${number}-${random.between(1, 3)}`
                : String(number);
      return {
        street: random.pick(streets),
        houseNumber,
        postcode: `${random.between(1000, 9999)} ${postcodeLetters(random)}`,
        city: random.pick(cities),
      };
    },
    newId: () => uuidFrom(random),
  };
}

const householdSizes = [
  [1, 0.35],
  [2, 0.3],
  [3, 0.15],
  [4, 0.14],
  [5, 0.06],
] as const;

/**
 * `count` persons in households that share an address (and mostly a surname): a head, often a
 * partner with their own or the same surname, and children born to the head between 18 and 45.
 * Members of one household have different first names, as they almost always do. Deterministic for
 * a seed, and the first n persons are the same whatever the count.
 */
export function* generatePersons(seed: number, count: number): Generator<GeneratedPerson> {
  const factory = createPersonFactory(createRandom(seed));
  const { random } = factory;
  const sizes = weightedList(householdSizes);
  let produced = 0;
  let household = 0;
  let namesInHousehold = new Set<string>();
  const person = (lastName: string, birthDate: string, address: Address): GeneratedPerson => {
    const firstName = factory.firstNameOtherThan(namesInHousehold);
    namesInHousehold.add(firstNameKey(firstName));
    const bsn = random.chance(bsnShare) ? bsnFor(produced) : null;
    produced += 1;
    return { id: factory.newId(), household, firstName, lastName, birthDate, bsn, ...address };
  };

  while (produced < count) {
    household += 1;
    namesInHousehold = new Set();
    const size = sizes.pick(random);
    const address = factory.address();
    const headSurname = factory.surname();
    const headBirth = factory.birthDateBetween("1940-01-01", "2004-12-31");
    yield person(headSurname, headBirth, address);
    let members = 1;
    if (size >= 2 && random.chance(0.8) && produced < count) {
      const partnerBirth = isoDay(dayNumberOf(headBirth) + random.between(-8 * 365, 8 * 365));
      const partnerSurname = random.chance(0.3) ? headSurname : factory.surname();
      yield person(partnerSurname, partnerBirth, address);
      members += 1;
    }
    const headYear = Number(headBirth.slice(0, 4));
    const from = `${headYear + 18}-01-01`;
    const to = `${Math.min(headYear + 45, 2025)}-12-31`;
    while (members < size && produced < count && from < to) {
      yield person(headSurname, factory.birthDateBetween(from, to), address);
      members += 1;
    }
  }
}
