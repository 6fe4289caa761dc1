import { z } from "zod";

/** Whether a person is a minor: as stated at intake, or unknown. */
export const minorAnswers = ["yes", "no", "unknown"] as const;
export type MinorAnswer = (typeof minorAnswers)[number];
export const minorAnswerSchema = z.enum(minorAnswers);

/** Whole years between a birth date and a day, both `YYYY-MM-DD`. */
export function ageOn(birthDate: string, today: string): number {
  const [by = 0, bm = 0, bd = 0] = birthDate.split("-").map(Number);
  const [ty = 0, tm = 0, td = 0] = today.split("-").map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * Is this person a minor today? A birth date decides; without one, what intake recorded. The
 * role is deliberately not an input: nobody is counted as a child because of the role they have
 * in a report (an alleged perpetrator can be 15, a "child witness" can be an adult son).
 */
export function minorStatus(
  person: { birthDate?: string | null; minor: MinorAnswer },
  today: string,
): MinorAnswer {
  if (person.birthDate) {
    return ageOn(person.birthDate, today) < 18 ? "yes" : "no";
  }
  return person.minor;
}
