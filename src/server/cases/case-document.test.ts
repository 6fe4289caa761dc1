import { describe, expect, it } from "vitest";
import { handovers } from "../db/schema.ts";
import { rowFromJson } from "./case-document.ts";

describe("a row from row_to_json as Drizzle would have selected it", () => {
  const json = {
    id: "0b7a4c1e-6f0e-4f5e-9d8a-1c2b3d4e5f60",
    case_id: "1b7a4c1e-6f0e-4f5e-9d8a-1c2b3d4e5f60",
    from_organisation_id: "2b7a4c1e-6f0e-4f5e-9d8a-1c2b3d4e5f60",
    to_organisation_id: "3b7a4c1e-6f0e-4f5e-9d8a-1c2b3d4e5f60",
    status: "pending",
    note: null,
    warm_handover_at: null,
    due_on: "9999-12-31",
    created_by: "4b7a4c1e-6f0e-4f5e-9d8a-1c2b3d4e5f60",
    // PostgreSQL writes microseconds and the session's offset; Drizzle keeps milliseconds.
    created_at: "2026-03-29T03:30:00.123456+02:00",
    decided_by: null,
    decided_at: null,
    decline_reason: null,
    decided_by_organisation_id: null,
    sender_part: "continues",
  };

  it("names the properties as the schema does and turns instants into Dates", () => {
    const row = rowFromJson(handovers, json);

    expect(row.createdAt).toBeInstanceOf(Date);
    expect(row.createdAt.toISOString()).toBe("2026-03-29T01:30:00.123Z");
    expect(row.dueOn).toBe("9999-12-31");
    expect(row.fromOrganisationId).toBe(json.from_organisation_id);
    expect(row.warmHandoverAt).toBeNull();
    expect(row.senderPart).toBe("continues");
    expect(Object.keys(row)).not.toContain("created_at");
  });

  it("gives null for a column the JSON lacks, never undefined", () => {
    const { note: _note, ...withoutNote } = json;

    expect(rowFromJson(handovers, withoutNote).note).toBeNull();
  });
});
