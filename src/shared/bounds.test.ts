import { describe, expect, it } from "vitest";
import {
  birthDate,
  caseEventDate,
  caseEventInstant,
  code,
  exactText,
  line,
  pastDate,
  receivedInstant,
  restrainingOrderEnd,
  restrainingOrderStart,
  text,
  token,
} from "./bounds.ts";
import { addCalendarDays, dateInAmsterdam } from "./calendar/working-days.ts";

const today = dateInAmsterdam(new Date());
const ok = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe("dates per kind", () => {
  it("refuses year 0000 and 9999 for every kind", () => {
    for (const schema of [
      birthDate(),
      caseEventDate(),
      pastDate(),
      restrainingOrderStart(),
      restrainingOrderEnd(),
    ]) {
      expect(ok(schema, "0000-01-01")).toBe(false);
      expect(ok(schema, "9999-12-31")).toBe(false);
      expect(ok(schema, "2026-02-30")).toBe(false);
    }
    for (const schema of [receivedInstant(), caseEventInstant()]) {
      expect(ok(schema, "0000-01-01T00:00:00Z")).toBe(false);
      expect(ok(schema, "9999-12-31T23:59:59Z")).toBe(false);
    }
  });

  it("takes birth dates from 1900 up to today", () => {
    expect(ok(birthDate(), "1899-12-31")).toBe(false);
    expect(ok(birthDate(), "1900-01-01")).toBe(true);
    expect(ok(birthDate(), today)).toBe(true);
    expect(ok(birthDate(), addCalendarDays(today, 1))).toBe(false);
  });

  it("takes a report's receipt from 2014 up to now", () => {
    expect(ok(receivedInstant(), "2013-12-31T22:59:59Z")).toBe(false);
    expect(ok(receivedInstant(), "2014-01-01T00:00:00+01:00")).toBe(false);
    expect(ok(receivedInstant(), "2014-01-01T00:00:00Z")).toBe(true);
    expect(ok(receivedInstant(), new Date().toISOString())).toBe(true);
    expect(ok(receivedInstant(), new Date(Date.now() + 3_600_000).toISOString())).toBe(false);
  });

  it("takes measure and event dates from 2014 to a year ahead, and past dates up to today", () => {
    expect(ok(caseEventDate(), "2013-12-31")).toBe(false);
    expect(ok(caseEventDate(), "2014-01-01")).toBe(true);
    expect(ok(caseEventDate(), addCalendarDays(today, 300))).toBe(true);
    expect(ok(caseEventDate(), addCalendarDays(today, 400))).toBe(false);
    expect(ok(pastDate(), today)).toBe(true);
    expect(ok(pastDate(), addCalendarDays(today, 1))).toBe(false);
  });

  it("bounds a restraining order as the act does: imposed by today, ending within 28 days", () => {
    expect(ok(restrainingOrderStart(), today)).toBe(true);
    expect(ok(restrainingOrderStart(), addCalendarDays(today, 1))).toBe(false);
    expect(ok(restrainingOrderEnd(), addCalendarDays(today, 28))).toBe(true);
    expect(ok(restrainingOrderEnd(), addCalendarDays(today, 29))).toBe(false);
  });
});

describe("bounded text", () => {
  it("refuses NUL and other control characters, and unpaired surrogates", () => {
    for (const schema of [text(100), line(100), exactText(100)]) {
      for (const bad of ["a\u0000b", "\u001b[31m", "bell\u0007", "del\u007f", "half \ud800"]) {
        expect(ok(schema, bad)).toBe(false);
      }
      expect(ok(schema, "Jansen-de Vries ✓ 👍")).toBe(true);
    }
  });

  it("keeps line breaks in text, not in a line, and bounds the length after trimming", () => {
    expect(ok(text(100), "two\nlines\ttab")).toBe(true);
    expect(ok(line(100), "two\nlines")).toBe(false);
    expect(text(5).parse("  abc  ")).toBe("abc");
    expect(ok(text(5), "abcdef")).toBe(false);
    expect(exactText(10).parse(" pass ")).toBe(" pass ");
  });

  it("takes codes and tokens of safe characters only", () => {
    expect(ok(code(), "child-physical-abuse")).toBe(true);
    expect(ok(code(), "Child Abuse")).toBe(false);
    expect(ok(code(), "x".repeat(61))).toBe(false);
    expect(ok(token(40), "0b6c2c8e-1d2a-4a8e-9a7e-3c1f0e7b2d11")).toBe(true);
    expect(ok(token(40), "../etc")).toBe(false);
    expect(ok(token(40), "")).toBe(false);
  });
});
