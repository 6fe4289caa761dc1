import { z } from "zod";
import { text as boundedText, pastDate } from "./bounds.ts";
import { minorAnswers } from "./minors.ts";

/** What kind of help a person gets; the description says what exactly. */
export const helpKinds = [
  "youth-care",
  "mental-health",
  "victim-support",
  "perpetrator-programme",
  "parenting-support",
  "practical-support",
  "medical",
  "other",
] as const;
export type HelpKind = (typeof helpKinds)[number];

/** Help dates lie from 2014 up to today: help is recorded, not planned. */
const pastHelpDate = pastDate();
const text = (max: number) => boundedText(max).min(1);

export const newHelpSchema = z
  .strictObject({
    kind: z.enum(helpKinds),
    description: text(2000),
    providerOrganisationId: z.uuid().optional(),
    providerName: text(200).optional(),
    offeredOn: pastHelpDate,
    startedOn: pastHelpDate.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.providerOrganisationId === undefined && v.providerName === undefined) {
      ctx.addIssue({ code: "custom", path: ["providerOrganisationId"], message: "name who gives the help" });
    }
    if (v.startedOn !== undefined && v.startedOn < v.offeredOn) {
      ctx.addIssue({ code: "custom", path: ["startedOn"], message: "on or after the offer" });
    }
  });
export type NewHelp = z.infer<typeof newHelpSchema>;

export const helpStartSchema = z.strictObject({ startedOn: pastHelpDate });
export const helpEndSchema = z.strictObject({ endedOn: pastHelpDate });
export const helpWithdrawSchema = z.strictObject({ reason: text(2000) });

export const helpStatuses = ["offered", "started", "ended", "withdrawn"] as const;

/** One help record as the case shows it. */
export const helpRecordSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  kind: z.enum(helpKinds),
  description: z.string(),
  providerOrganisationId: z.uuid().nullable(),
  providerName: z.string().nullable(),
  status: z.enum(helpStatuses),
  offeredOn: z.iso.date(),
  startedOn: z.iso.date().nullable(),
  endedOn: z.iso.date().nullable(),
  /** Calendar days from the offer to the start, once started (a steering figure). */
  waitingDays: z.number().int().nullable(),
  recordedBy: z.object({ userId: z.uuid(), name: z.string().nullable(), organisationId: z.uuid() }),
  recordedAt: z.iso.datetime(),
  startedRecordedAt: z.iso.datetime().nullable(),
  endedRecordedAt: z.iso.datetime().nullable(),
  withdrawn: z.object({ at: z.iso.datetime(), byUserId: z.uuid().nullable(), reason: z.string() }).nullable(),
});
export type HelpRecord = z.infer<typeof helpRecordSchema>;

/** A case worker states whether a person without a birth date is a minor (a birth date decides). */
export const minorStatusChangeSchema = z.strictObject({
  minor: z.enum(minorAnswers),
  reason: text(2000),
});
