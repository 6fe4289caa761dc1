import { describe, expect, it } from "vitest";
import { maySeeEntry, personsOutsideHousehold, refuseCorrection } from "./rules.ts";

const author = { userId: "u-author", organisationId: "org-a" };
const entry = (visibility: "network" | "organisation" | "director") => ({
  visibility,
  authorUserId: author.userId,
  authorOrganisationId: author.organisationId,
});

describe("who may read a journal entry", () => {
  const viewers = {
    author: { ...author, directorUserId: null },
    colleague: { userId: "u-colleague", organisationId: "org-a", directorUserId: null },
    partner: { userId: "u-partner", organisationId: "org-b", directorUserId: null },
    director: { userId: "u-director", organisationId: "org-b", directorUserId: "u-director" },
    colleagueOfDirector: { userId: "u-other", organisationId: "org-b", directorUserId: "u-director" },
  };
  const table: [keyof typeof viewers, "network" | "organisation" | "director", boolean][] = [
    ["author", "network", true],
    ["colleague", "network", true],
    ["partner", "network", true],
    ["author", "organisation", true],
    ["colleague", "organisation", true],
    ["partner", "organisation", false],
    ["director", "organisation", false],
    ["author", "director", true],
    ["colleague", "director", false],
    ["partner", "director", false],
    ["director", "director", true],
    ["colleagueOfDirector", "director", false],
  ];
  for (const [viewer, visibility, expected] of table) {
    it(`${expected ? "shows" : "hides"} a ${visibility} entry to the ${viewer}`, () => {
      expect(maySeeEntry(entry(visibility), viewers[viewer])).toBe(expected);
    });
  }
});

describe("who may correct a journal entry", () => {
  it("allows the author's organisation, keeping the visibility", () => {
    expect(
      refuseCorrection(entry("network"), { userId: "u-colleague", organisationId: "org-a" }, "network"),
    ).toBeNull();
  });
  it("refuses another organisation", () => {
    expect(
      refuseCorrection(entry("network"), { userId: "u-x", organisationId: "org-b" }, "network")?.status,
    ).toBe("forbidden");
  });
  it("lets only the author correct an entry for the director", () => {
    expect(
      refuseCorrection(entry("director"), { userId: "u-colleague", organisationId: "org-a" }, "director")
        ?.status,
    ).toBe("forbidden");
    expect(refuseCorrection(entry("director"), author, "director")).toBeNull();
  });
  it("refuses another visibility", () => {
    expect(refuseCorrection(entry("organisation"), author, "network")).toMatchObject({
      status: "invalid",
      path: "visibility",
    });
  });
});

describe("persons of the household", () => {
  it("answers the positions of persons outside it, comparing ids in any case", () => {
    const household = ["0a1b2c3d-0000-4000-8000-000000000001", "0a1b2c3d-0000-4000-8000-000000000002"];
    expect(personsOutsideHousehold(["0A1B2C3D-0000-4000-8000-000000000002", "other"], household)).toEqual([
      1,
    ]);
  });
});
