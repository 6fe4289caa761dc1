import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  birthDateRelation,
  firstNameKey,
  isOneEditApart,
  type MatchInput,
  normaliseHouseNumber,
  normaliseName,
  normalisePostcode,
  scoreCandidate,
  surnameKey,
  surnameParts,
  trigramSimilarity,
} from "./normalise.ts";

describe("normaliseName", () => {
  it.each([
    ["Çelik", "celik"],
    ["Müller", "muller"],
    ["Ünal", "unal"],
    ["Weiß", "weiss"],
    ["Øberg", "oberg"],
    ["Ærø", "aero"],
    ["Łukasz", "lukasz"],
    ["Yılmaz", "yilmaz"],
    ["Doğan", "dogan"],
    ["Şahin", "sahin"],
    ["Nguyễn", "nguyen"],
    ["Ĳsselmuiden", "ijsselmuiden"],
    ["IJsselmuiden", "ijsselmuiden"],
    ["D'Souza", "dsouza"],
    ["O’Brien", "obrien"],
    ["  van   der   Berg  ", "van der berg"],
    ["Jansen-de Vries", "jansen de vries"],
    ["J.P. Balkenende", "j p balkenende"],
  ])("turns %j into %j", (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it("keeps ij as ij instead of turning it into y", () => {
    expect(normaliseName("Rijk")).toBe("rijk");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(normaliseName(normaliseName(value))).toBe(normaliseName(value));
      }),
    );
  });
});

describe("surnameKey and surnameParts", () => {
  it.each([
    ["van der Berg", "berg"],
    ["Van den Berg", "berg"],
    ["van de Berg", "berg"],
    ["Berg", "berg"],
    ["de Vries", "vries"],
    ["ter Horst", "horst"],
    ["ten Cate", "cate"],
    ["Van 't Hof", "hof"],
    ["in 't Veld", "veld"],
    ["op de Beek", "beek"],
    ["El Amrani", "amrani"],
    ["el-Amrani", "amrani"],
    ["Al-Hashimi", "hashimi"],
    ["bin Salem", "salem"],
    ["da Silva", "silva"],
    ["dos Santos", "santos"],
    ["du Pont", "pont"],
    ["Le Roux", "roux"],
    ["von Weizsäcker", "weizsacker"],
    ["Jansen-de Vries", "jansen vries"],
    ["de Vries-Jansen", "vries jansen"],
    ["van der Berg - van Dam", "berg dam"],
  ])("keys %j as %j", (input, expected) => {
    expect(surnameKey(input)).toBe(expected);
  });

  it("keeps a surname that consists only of a prefix word, such as the Vietnamese Lê", () => {
    expect(surnameKey("Lê")).toBe("le");
    expect(surnameKey("Van")).toBe("van");
  });

  it("returns both parts of a hyphenated double surname in order", () => {
    expect(surnameParts("Jansen-de Vries")).toEqual(["jansen", "vries"]);
    expect(surnameParts("de Vries")).toEqual(["vries"]);
  });
});

describe("firstNameKey", () => {
  it.each([
    ["Mohamed", "mohammed"],
    ["Muhammad", "mohammed"],
    ["Mohammad", "mohammed"],
    ["Mehmet", "mohammed"],
    ["Mohammed", "mohammed"],
    ["Johannes", "jan"],
    ["Hans", "jan"],
    ["Kees", "cornelis"],
    ["Henk", "hendrik"],
    ["Fatma", "fatima"],
    ["Yusuf", "youssef"],
  ])("maps %j to the canonical %j", (input, expected) => {
    expect(firstNameKey(input)).toBe(expected);
  });

  it("takes the first given name only, also of a hyphenated name", () => {
    expect(firstNameKey("Johannes Petrus")).toBe("jan");
    expect(firstNameKey("Jan-Willem")).toBe("jan");
    expect(firstNameKey("Anne Marie")).toBe("anne");
  });

  it("normalises names that are not in the table without mapping them", () => {
    expect(firstNameKey("Çağrı")).toBe("cagri");
    expect(firstNameKey("Sanne")).toBe("sanne");
  });
});

describe("postcode and house number", () => {
  it("normalises a postcode to upper case without spaces", () => {
    expect(normalisePostcode(" 8011 ab ")).toBe("8011AB");
    expect(normalisePostcode("8011AB")).toBe("8011AB");
  });

  it("normalises a house number with an addition", () => {
    expect(normaliseHouseNumber("12 A")).toBe("12a");
    expect(normaliseHouseNumber("12-a")).toBe("12a");
    expect(normaliseHouseNumber("12a")).toBe("12a");
    expect(normaliseHouseNumber("13-6")).toBe("13-6");
    expect(normaliseHouseNumber("13 6")).toBe("13-6");
    expect(normaliseHouseNumber("136")).toBe("136");
  });
});

describe("birthDateRelation", () => {
  it("recognises the same date", () => {
    expect(birthDateRelation("1990-04-01", "1990-04-01")).toBe("exact");
  });

  it("recognises day and month swapped", () => {
    expect(birthDateRelation("1990-04-01", "1990-01-04")).toBe("swapped");
    expect(birthDateRelation("1990-12-11", "1990-11-12")).toBe("swapped");
  });

  it("does not call dates swapped when the day cannot be a month or the year differs", () => {
    expect(birthDateRelation("1990-04-25", "1990-25-04")).toBeNull();
    expect(birthDateRelation("1990-04-01", "1991-01-04")).toBeNull();
  });

  it("recognises exactly one digit off", () => {
    expect(birthDateRelation("1990-04-01", "1991-04-01")).toBe("one-digit");
    expect(birthDateRelation("1990-04-01", "1990-04-07")).toBe("one-digit");
    expect(birthDateRelation("1990-04-01", "1990-03-01")).toBe("one-digit");
  });

  it("returns null for two or more digits off", () => {
    expect(birthDateRelation("1990-04-01", "1991-04-02")).toBeNull();
    expect(birthDateRelation("1990-04-01", "1985-09-17")).toBeNull();
  });

  it("returns null for something that is not a YYYY-MM-DD date", () => {
    expect(birthDateRelation("1990-4-1", "1990-4-1")).toBeNull();
    expect(birthDateRelation("", "1990-04-01")).toBeNull();
  });

  it("is symmetric", () => {
    const date = fc
      .date({
        min: new Date("1900-01-01T00:00:00Z"),
        max: new Date("2030-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(birthDateRelation(a, b)).toBe(birthDateRelation(b, a));
      }),
    );
  });
});

describe("trigramSimilarity", () => {
  // Expected values computed with PostgreSQL's pg_trgm similarity() (on PGlite), so the
  // pure scorer and the database's index narrowing agree.
  it.each([
    ["jansen", "janssen", 0.6666667],
    ["bakker", "baker", 0.625],
    ["jasnen", "jansen", 0.27272728],
    ["jansen vries", "vries", 0.46153846],
    ["word", "two words", 0.36363637],
    ["a", "a b", 0.5],
    ["berg", "borg", 0.25],
    ["amrani", "elamrani", 0.45454547],
    ["jansen", "hansen", 0.4],
    ["smit", "smid", 0.42857143],
    ["x", "", 0],
    ["ab", "ba", 0],
    ["de boer", "boer de", 1],
  ])("gives similarity(%j, %j) = %f as pg_trgm does", (a, b, expected) => {
    expect(trigramSimilarity(a, b)).toBeCloseTo(expected, 6);
  });
});

describe("isOneEditApart", () => {
  it.each([
    ["jansen", "janssen", true],
    ["jansen", "jasnen", true],
    ["smit", "smid", true],
    ["bakker", "baker", true],
    ["jansen", "jansen", false],
    ["jansen", "hansens", false],
    ["abcd", "badc", false],
  ])("says %j and %j are one edit apart: %s", (a, b, expected) => {
    expect(isOneEditApart(a, b)).toBe(expected);
    expect(isOneEditApart(b, a)).toBe(expected);
  });
});

describe("scoreCandidate", () => {
  const person: MatchInput = {
    firstName: "Fatima",
    lastName: "El Amrani",
    birthDate: "1990-04-01",
    postcode: "8011 AB",
    houseNumber: "12a",
  };

  it("scores an equal valid BSN as 1 with the reason bsn, whatever else differs", () => {
    expect(
      scoreCandidate({ bsn: "111222333", lastName: "Jansen" }, { bsn: "111222333", lastName: "Pietersen" }),
    ).toEqual({
      score: 1,
      reasons: ["bsn"],
    });
  });

  it("lists the other agreeing reasons beside an equal BSN", () => {
    expect(scoreCandidate({ ...person, bsn: "123456782" }, { ...person, bsn: "123456782" }).reasons).toEqual([
      "bsn",
      "name",
      "birthDate",
      "address",
    ]);
  });

  it("ignores an equal BSN that fails the eleven-test", () => {
    const result = scoreCandidate(
      { bsn: "123456789", lastName: "Jansen" },
      { bsn: "123456789", lastName: "Bakker" },
    );
    expect(result.reasons).not.toContain("bsn");
    expect(result.score).toBeLessThan(0.6);
  });

  it("does not offer a twin: same surname, birth date and address but another first name", () => {
    const twin = scoreCandidate(person, { ...person, firstName: "Samira" });
    expect(twin.score).toBeLessThan(0.6);
    // A variant or a typo of the first name is still the same person.
    expect(scoreCandidate(person, { ...person, firstName: "Fatma" }).score).toBeGreaterThanOrEqual(0.6);
  });

  it("gives everything equal but the BSN 0.95, so 1 always means a BSN", () => {
    expect(scoreCandidate(person, person)).toEqual({
      score: 0.95,
      reasons: ["name", "birthDate", "address"],
    });
  });

  it("matches 'van der Berg' with 'Berg' and the same birth date", () => {
    const result = scoreCandidate(
      { firstName: "Piet", lastName: "van der Berg", birthDate: "1975-06-12" },
      { firstName: "Piet", lastName: "Berg", birthDate: "1975-06-12" },
    );
    expect(result).toEqual({ score: 0.8, reasons: ["name", "birthDate"] });
  });

  it("matches 'Jansen-de Vries' with 'de Vries' on the shared part", () => {
    const result = scoreCandidate(
      { firstName: "Anna", lastName: "Jansen-de Vries", birthDate: "1982-03-15" },
      { firstName: "Anna", lastName: "de Vries", birthDate: "1982-03-15" },
    );
    expect(result.reasons).toEqual(["name", "birthDate"]);
    expect(result.score).toBeCloseTo(0.77, 3);
  });

  it("matches 'Çelik' with 'Celik' as the same surname", () => {
    const result = scoreCandidate(
      { firstName: "Ayşe", lastName: "Çelik", birthDate: "1988-11-02" },
      { firstName: "Ayse", lastName: "Celik", birthDate: "1988-11-02" },
    );
    expect(result).toEqual({ score: 0.8, reasons: ["name", "birthDate"] });
  });

  it("matches 'El Amrani' with 'Amrani'", () => {
    const result = scoreCandidate(person, {
      firstName: "Fatima",
      lastName: "Amrani",
      birthDate: "1990-04-01",
    });
    expect(result).toEqual({ score: 0.8, reasons: ["name", "birthDate"] });
  });

  it("matches 'Mohamed' with 'Mohammed' as the same first name", () => {
    const result = scoreCandidate(
      { firstName: "Mohamed", lastName: "Bakkali", birthDate: "1979-08-30" },
      { firstName: "Mohammed", lastName: "Bakkali", birthDate: "1979-08-30" },
    );
    expect(result).toEqual({ score: 0.8, reasons: ["name", "birthDate"] });
  });

  it("matches a birth date with day and month swapped, a little below an exact date", () => {
    const swapped = scoreCandidate(person, {
      ...person,
      birthDate: "1990-01-04",
      postcode: "",
      houseNumber: "",
    });
    expect(swapped).toEqual({ score: 0.74, reasons: ["name", "birthDate"] });
  });

  it("matches a birth date one digit off, below a swapped one", () => {
    const oneDigit = scoreCandidate(person, {
      ...person,
      birthDate: "1991-04-01",
      postcode: "",
      houseNumber: "",
    });
    expect(oneDigit).toEqual({ score: 0.68, reasons: ["name", "birthDate"] });
  });

  it("ranks exact above swapped above one digit off", () => {
    const base = { firstName: "Jan", lastName: "Smit" };
    const score = (birthDate: string) =>
      scoreCandidate({ ...base, birthDate: "1990-04-01" }, { ...base, birthDate }).score;
    expect(score("1990-04-01")).toBeGreaterThan(score("1990-01-04"));
    expect(score("1990-01-04")).toBeGreaterThan(score("1991-04-01"));
  });

  it("scores the typo 'Jansen' for 'Janssen' as a name match", () => {
    const result = scoreCandidate(
      { firstName: "Kees", lastName: "Jansen", birthDate: "1965-02-20" },
      { firstName: "Cornelis", lastName: "Janssen", birthDate: "1965-02-20" },
    );
    expect(result).toEqual({ score: 0.71, reasons: ["name", "birthDate"] });
  });

  it("scores the typo 'Bakker' for 'Baker' as a name match", () => {
    const result = scoreCandidate(
      { firstName: "Sanne", lastName: "Bakker", birthDate: "2001-07-09" },
      { firstName: "Sanne", lastName: "Baker", birthDate: "2001-07-09" },
    );
    expect(result).toEqual({ score: 0.71, reasons: ["name", "birthDate"] });
  });

  it("scores swapped letters ('Jasnen') as a name match although trigrams miss them", () => {
    const result = scoreCandidate(
      { firstName: "Jan", lastName: "Jasnen", birthDate: "1965-02-20" },
      { firstName: "Jan", lastName: "Jansen", birthDate: "1965-02-20" },
    );
    expect(result.reasons).toEqual(["name", "birthDate"]);
    expect(result.score).toBeGreaterThanOrEqual(0.6);
  });

  it("matches on the same address and name without a birth date", () => {
    const result = scoreCandidate(
      { firstName: "Fatima", lastName: "El Amrani", postcode: "8011ab", houseNumber: "12 A" },
      { firstName: "Fatima", lastName: "Amrani", postcode: "8011 AB", houseNumber: "12a" },
    );
    expect(result).toEqual({ score: 0.7, reasons: ["name", "address"] });
  });

  it("never scores a name alone above 0.5", () => {
    const result = scoreCandidate(
      { firstName: "Jan", lastName: "de Vries" },
      { firstName: "Jan", lastName: "de Vries", birthDate: "1980-01-01" },
    );
    expect(result).toEqual({ score: 0.5, reasons: ["name"] });
  });

  it("keeps different people with a common surname and different birth dates below 0.6", () => {
    const cases: [MatchInput, MatchInput][] = [
      [
        { firstName: "Jan", lastName: "de Vries", birthDate: "1980-01-01" },
        { firstName: "Jan", lastName: "de Vries", birthDate: "1975-06-12" },
      ],
      [
        { firstName: "Mohamed", lastName: "Yilmaz", birthDate: "1984-05-17" },
        { firstName: "Mehmet", lastName: "Yılmaz", birthDate: "1992-10-03" },
      ],
      [
        { firstName: "Anna", lastName: "Jansen", birthDate: "1990-03-12" },
        { firstName: "Eva", lastName: "Jansen", birthDate: "1990-03-13" },
      ],
      [
        {
          firstName: "Sara",
          lastName: "Bakker",
          birthDate: "2010-01-01",
          postcode: "8011AB",
          houseNumber: "1",
        },
        {
          firstName: "Lotte",
          lastName: "Bakker",
          birthDate: "2008-07-07",
          postcode: "8011AB",
          houseNumber: "3",
        },
      ],
    ];
    for (const [input, candidate] of cases) {
      expect(scoreCandidate(input, candidate).score).toBeLessThan(0.6);
    }
  });

  it("keeps members of one household below 0.6: same surname and address, other first name and birth date", () => {
    const result = scoreCandidate(person, {
      firstName: "Sara",
      lastName: "El Amrani",
      birthDate: "2012-09-23",
      postcode: "8011AB",
      houseNumber: "12a",
    });
    expect(result).toEqual({ score: 0.5, reasons: ["name", "address"] });
  });

  it("keeps a birth date and an address without a name reason below 0.6", () => {
    // "Fatiha" is one letter from "Fatima", which adds to the sum but is not a name reason on its own.
    const result = scoreCandidate(person, {
      firstName: "Fatiha",
      lastName: "Pietersen",
      birthDate: "1990-04-01",
      postcode: "8011AB",
      houseNumber: "12A",
    });
    expect(result).toEqual({ score: 0.55, reasons: ["birthDate", "address"] });
  });

  it("neither rewards nor punishes a missing first name when the surnames agree", () => {
    const result = scoreCandidate(
      { lastName: "de Vries", birthDate: "1980-01-01" },
      { firstName: "Jan", lastName: "de Vries", birthDate: "1980-01-01" },
    );
    expect(result).toEqual({ score: 0.7, reasons: ["name", "birthDate"] });
  });

  it("counts an equal first name as a name reason after a change of surname, with birth date and address", () => {
    const result = scoreCandidate(
      {
        firstName: "Fatma",
        lastName: "Yilmaz",
        birthDate: "1990-04-01",
        postcode: "8011AB",
        houseNumber: "12a",
      },
      {
        firstName: "Fatima",
        lastName: "Demir",
        birthDate: "1990-04-01",
        postcode: "8011AB",
        houseNumber: "12a",
      },
    );
    expect(result).toEqual({ score: 0.7, reasons: ["name", "birthDate", "address"] });
  });

  it("scores nothing when nothing is known", () => {
    expect(scoreCandidate({}, {})).toEqual({ score: 0, reasons: [] });
  });

  describe("properties", () => {
    const surnames = [
      "Jansen",
      "Janssen",
      "de Vries",
      "van der Berg",
      "Berg",
      "El Amrani",
      "Çelik",
      "Bakker",
      "Smit",
    ];
    const firstNames = ["Jan", "Johannes", "Mohamed", "Mehmet", "Fatima", "Anna", "Sara", "Kees"];
    const dates = ["1990-04-01", "1990-01-04", "1991-04-01", "1985-12-11", "1985-11-12", "2010-06-30"];
    const bsns = ["111222333", "123456782", "123456789"];
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const personArb = fc
      .record({
        firstName: maybe(fc.constantFrom(...firstNames)),
        lastName: maybe(fc.constantFrom(...surnames)),
        birthDate: maybe(fc.constantFrom(...dates)),
        bsn: maybe(fc.constantFrom(...bsns)),
        postcode: maybe(fc.constantFrom("8011AB", "8011 ab", "7411CD")),
        houseNumber: maybe(fc.constantFrom("1", "12a", "12 A")),
      })
      .map((record) => {
        const result: MatchInput = {};
        for (const [key, value] of Object.entries(record)) {
          if (value !== undefined) {
            result[key as keyof MatchInput] = value;
          }
        }
        return result;
      });

    it("stays within 0..1 and gives 1 only for an equal BSN", () => {
      fc.assert(
        fc.property(personArb, personArb, (a, b) => {
          const { score, reasons } = scoreCandidate(a, b);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1);
          expect(score === 1).toBe(reasons.includes("bsn"));
        }),
      );
    });

    it("reaches 0.6 only with a name reason and a birth-date or address reason", () => {
      fc.assert(
        fc.property(personArb, personArb, (a, b) => {
          const { score, reasons } = scoreCandidate(a, b);
          if (score >= 0.6 && !reasons.includes("bsn")) {
            expect(reasons).toContain("name");
            expect(reasons.includes("birthDate") || reasons.includes("address")).toBe(true);
          }
        }),
      );
    });

    it("is symmetric", () => {
      fc.assert(
        fc.property(personArb, personArb, (a, b) => {
          expect(scoreCandidate(a, b)).toEqual(scoreCandidate(b, a));
        }),
      );
    });
  });
});
