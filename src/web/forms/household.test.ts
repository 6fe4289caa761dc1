import { describe, expect, it } from "vitest";
import { emptyPerson, householdToSend, isBlankPerson } from "./household";

const noor = { ...emptyPerson("p1"), firstName: "Noor", role: "child-witness" as const };

describe("the persons a household form sends", () => {
  it("counts a row as blank only when nothing was typed or chosen", () => {
    expect(isBlankPerson(emptyPerson("p2"))).toBe(true);
    expect(isBlankPerson({ ...emptyPerson("p2"), firstName: "  " })).toBe(true);
    expect(isBlankPerson({ ...emptyPerson("p2"), role: "other" })).toBe(false);
    expect(isBlankPerson({ ...emptyPerson("p2"), postcode: "8011 AB" })).toBe(false);
    expect(isBlankPerson({ ...emptyPerson("p2"), minor: "unknown" })).toBe(false);
  });

  it("drops rows left blank beside a person who is filled in", () => {
    const draft = { persons: [emptyPerson("p1"), noor, emptyPerson("p3")], relations: [] };
    expect(householdToSend(draft).persons).toEqual([noor]);
  });

  it("keeps every row when all are blank, so the form asks for the first person", () => {
    const draft = { persons: [emptyPerson("p1"), emptyPerson("p2")], relations: [] };
    expect(householdToSend(draft)).toBe(draft);
  });
});
