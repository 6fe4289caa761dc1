import { z } from "zod";
import { authorizeCaseAccess, type CaseAccess, type CaseMode } from "../access/policy.ts";
import type { Subject } from "../http/frame.ts";
import { householdIds } from "./case-work.ts";

/** The parameters of every route below /cases/{id}. */
export const caseParams = z.strictObject({ id: z.uuid() });

/**
 * The case as a route's subject: the policy decides in the route's transaction (404 when the
 * case is not the caller's to see; 403 when it may see but not `work` or `contribute`). With an
 * `action`, the frame writes one audit entry on the case naming the whole household and the ground
 * after the work; a route that names its own persons (a read of the case document, the journal)
 * leaves `action` out and audits itself.
 */
export function caseSubject(mode: CaseMode, action?: string): Subject<{ id: string }, CaseAccess> {
  return {
    statuses: mode === "read" ? [] : [403],
    authorize: ({ tx, principal, params }) => authorizeCaseAccess(tx, principal, params.id, mode),
    ...(action
      ? {
          after: async ({ tx, params, subject, audit }) => {
            audit({
              action,
              subjectType: "case",
              subjectId: params.id,
              caseId: params.id,
              personIds: await householdIds(tx, params.id),
              ground: subject.ground,
            });
          },
        }
      : {}),
  };
}
