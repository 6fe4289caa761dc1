import type { CreateReport } from "../../shared/intake.ts";
import type { TestSession } from "./app.ts";

/** A household of a mother, her partner and their child, reported by a school in Zwolle. */
export function sampleReport(overrides: Partial<CreateReport> = {}): CreateReport {
  return {
    kind: "report",
    receivedAt: "2026-04-24T09:15:00+02:00",
    channel: "phone",
    reporter: {
      category: "professional",
      sector: "education",
      name: "Marit Hoekstra",
      organisation: "Basisschool De Regenboog",
      contact: "038-1234567",
    },
    municipalityCode: "GM0193",
    persons: [
      { key: "p1", firstName: "Fatima", lastName: "El Amrani", birthDate: "1988-03-14", role: "victim" },
      {
        key: "p2",
        firstName: "Johan",
        lastName: "de Groot",
        birthDate: "1985-11-02",
        role: "alleged-perpetrator",
      },
      { key: "p3", firstName: "Noor", lastName: "de Groot", birthDate: "2018-06-30", role: "child-witness" },
    ],
    relations: [
      { from: "p1", to: "p2", type: "partner" },
      { from: "p1", to: "p3", type: "parent" },
      { from: "p2", to: "p3", type: "parent" },
    ],
    violenceTypes: ["partner-violence"],
    narrative: "The child told her teacher that her father hit her mother last weekend.",
    acuteConcern: false,
    ...overrides,
  };
}

export interface CreatedReportBody {
  id: string;
  reference: string;
  status: string;
  deadlines: { safetyAssessment: string; triage: string };
  earlierInvolvement: string;
  matches: {
    id: string;
    personKey: string;
    personId: string;
    score: number;
    reasons: string[];
    status: string;
  }[];
}

/** Records a report as the given (intake) session; fails the test on anything but 201. */
export async function createReportAs(session: TestSession, body: CreateReport): Promise<CreatedReportBody> {
  const response = await session.post("/api/v1/reports", body);
  if (response.statusCode !== 201) {
    throw new Error(`creating a report failed: ${response.statusCode} ${response.body}`);
  }
  return response.json() as CreatedReportBody;
}

export const assessment = {
  acuteUnsafety: false,
  structuralUnsafety: true,
  immediateMeasures: ["Safety agreement with the mother"],
};

/** Assesses and triages a report as a handover to the given organisation; answers the case id. */
export async function handOver(session: TestSession, reportId: string, toOrganisationId: string) {
  const assessed = await session.post(`/api/v1/reports/${reportId}/safety-assessment`, assessment);
  if (assessed.statusCode !== 200) {
    throw new Error(`assessment failed: ${assessed.statusCode} ${assessed.body}`);
  }
  const triaged = await session.post(`/api/v1/reports/${reportId}/triage`, {
    route: "handover",
    toOrganisationId,
    rationale: "Local help with a safety plan suits this family.",
  });
  if (triaged.statusCode !== 200) {
    throw new Error(`triage failed: ${triaged.statusCode} ${triaged.body}`);
  }
  return triaged.json() as { caseId: string; handoverId: string };
}
