import type { z } from "zod";
import type { CloseCaseInput } from "../../shared/closure";
import type {
  helpEndSchema,
  helpStartSchema,
  helpWithdrawSchema,
  minorStatusChangeSchema,
  NewHelp,
} from "../../shared/person-help";
import { apiRequest } from "./client";

const casePath = (caseId: string, rest: string) => `/cases/${encodeURIComponent(caseId)}${rest}`;

/** Records help offered (perhaps started) to a person of the household. */
export async function recordPersonHelp(caseId: string, personId: string, body: NewHelp): Promise<void> {
  await apiRequest(casePath(caseId, `/persons/${encodeURIComponent(personId)}/help`), {
    method: "POST",
    body,
  });
}

/** Records once that the help started, ended, or withdraws a record made in error. */
export async function changePersonHelp(
  caseId: string,
  helpId: string,
  step: "start" | "end" | "withdraw",
  body: z.input<typeof helpStartSchema> | z.input<typeof helpEndSchema> | z.input<typeof helpWithdrawSchema>,
): Promise<void> {
  await apiRequest(casePath(caseId, `/help/${encodeURIComponent(helpId)}/${step}`), { method: "POST", body });
}

/** Sets whether a person without a birth date is a minor. */
export async function setMinorStatus(
  caseId: string,
  personId: string,
  body: z.input<typeof minorStatusChangeSchema>,
): Promise<void> {
  await apiRequest(casePath(caseId, `/persons/${encodeURIComponent(personId)}/minor`), {
    method: "POST",
    body,
  });
}

/** Closes the case, with the director's reasons for the items it closes past. */
export async function closeCaseWithReasons(caseId: string, body: CloseCaseInput): Promise<void> {
  await apiRequest(casePath(caseId, "/close"), { method: "POST", body });
}

/** Lifts a restraining order before its end. */
export async function liftRestrainingOrder(orderId: string, reason: string): Promise<void> {
  await apiRequest(`/restraining-orders/${encodeURIComponent(orderId)}/lift`, {
    method: "POST",
    body: { reason },
  });
}
