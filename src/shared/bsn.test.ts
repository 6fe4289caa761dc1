import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bsnSchema, isValidBsn } from "./bsn.ts";

const weights = [9, 8, 7, 6, 5, 4, 3, 2];

/** Valid BSNs: eight random digits and the ninth digit that makes the weighted sum divisible by 11. */
const validBsn = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((digits) => {
    const sum = digits.reduce((total, digit, i) => total + digit * (weights[i] ?? 0), 0);
    return { digits, check: sum % 11 };
  })
  .filter(({ digits, check }) => check <= 9 && !(check === 0 && digits.every((d) => d === 0)))
  .map(({ digits, check }) => `${digits.join("")}${check}`);

describe("isValidBsn", () => {
  it.each(["111222333", "123456782", "999999990", "010000008"])("accepts %s", (value) => {
    expect(isValidBsn(value)).toBe(true);
  });

  it.each([
    ["123456789", "fails the eleven-test"],
    ["111222334", "has a wrong check digit"],
    ["213456782", "has two digits transposed"],
    ["000000000", "is all zeros"],
    ["10000008", "has eight digits without the leading zero"],
    ["1112223330", "has ten digits"],
    ["11122233a", "contains a letter"],
    [" 111222333", "has surrounding space"],
    ["111 222 333", "contains spaces"],
    ["", "is empty"],
    ["١١١٢٢٢٣٣٣", "uses non-ASCII digits"],
  ])("rejects %s, which %s", (value) => {
    expect(isValidBsn(value)).toBe(false);
  });

  it("accepts every generated number with a correct check digit", () => {
    fc.assert(
      fc.property(validBsn, (bsn) => {
        expect(isValidBsn(bsn)).toBe(true);
      }),
    );
  });

  it("rejects a valid BSN in which any single digit is changed", () => {
    fc.assert(
      fc.property(
        validBsn,
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (bsn, position, shift) => {
          const changed = (Number(bsn[position]) + shift) % 10;
          const mutated = `${bsn.slice(0, position)}${changed}${bsn.slice(position + 1)}`;
          expect(mutated).not.toBe(bsn);
          expect(isValidBsn(mutated)).toBe(false);
        },
      ),
    );
  });
});

describe("bsnSchema", () => {
  it("passes a valid BSN through unchanged", () => {
    expect(bsnSchema.parse("123456782")).toBe("123456782");
  });

  it("names the eleven-test when nine digits fail it", () => {
    const result = bsnSchema.safeParse("123456789");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["not a valid BSN (eleven-test)"]);
  });

  it("says a BSN has nine digits when the format is wrong", () => {
    const result = bsnSchema.safeParse("12345678");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("a BSN has exactly 9 digits");
  });

  it("rejects a number instead of a string", () => {
    expect(bsnSchema.safeParse(123456782).success).toBe(false);
  });
});
