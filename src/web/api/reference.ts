import { z } from "zod";
import {
  type Municipality,
  municipalitySchema,
  type Organisation,
  organisationSchema,
  violenceTypeSchema,
} from "../../shared/reference";
import { apiRequest } from "./client";
import { withSignal } from "./page";

/** A violence type with its label in both interface languages (the server adds `labels`). */
export const violenceTypeWithLabelsSchema = violenceTypeSchema.extend({
  labels: z.object({ nl: z.string(), en: z.string() }).optional(),
});
export type ViolenceTypeWithLabels = z.infer<typeof violenceTypeWithLabelsSchema>;

/** The organisations of the region (a small reference list, answered as a bare array). */
export async function fetchOrganisations(signal?: AbortSignal): Promise<Organisation[]> {
  return apiRequest("/organisations", { schema: z.array(organisationSchema), ...withSignal(signal) });
}

/** The region's municipalities, by name. */
export async function fetchMunicipalities(signal?: AbortSignal): Promise<Municipality[]> {
  return apiRequest("/municipalities", { schema: z.array(municipalitySchema), ...withSignal(signal) });
}

/** The configured violence types, in their configured order. */
export async function fetchViolenceTypes(signal?: AbortSignal): Promise<ViolenceTypeWithLabels[]> {
  return apiRequest("/violence-types", {
    schema: z.array(violenceTypeWithLabelsSchema),
    ...withSignal(signal),
  });
}

/** The three public reference lists together, as most pages need them. */
export interface ReferenceData {
  organisations: Organisation[];
  municipalities: Municipality[];
  violenceTypes: ViolenceTypeWithLabels[];
}

// Reference data is public and changes rarely: one load per visit is enough. A failed load is
// forgotten, so the next page tries again.
let referenceData: Promise<ReferenceData> | undefined;

/** The reference lists, loaded once per visit. */
export function loadReferenceData(): Promise<ReferenceData> {
  referenceData ??= Promise.all([fetchOrganisations(), fetchMunicipalities(), fetchViolenceTypes()]).then(
    ([organisations, municipalities, violenceTypes]) => ({ organisations, municipalities, violenceTypes }),
    (error: unknown) => {
      referenceData = undefined;
      throw error;
    },
  );
  return referenceData;
}
