import type { z } from "zod";
import type {
  endShelterStaySchema,
  extendRestrainingOrderSchema,
  newRestrainingOrderSchema,
  newShelterStaySchema,
} from "../../shared/cases";
import { apiRequest } from "./client";

/** Records a temporary restraining order (10 days) on an adult of the household. */
export async function recordRestrainingOrder(
  caseId: string,
  body: z.input<typeof newRestrainingOrderSchema>,
): Promise<void> {
  await apiRequest(`/cases/${encodeURIComponent(caseId)}/restraining-orders`, { method: "POST", body });
}

/** Extends a running restraining order; without a date to the latest end (28 days after imposition). */
export async function extendRestrainingOrder(
  orderId: string,
  body: z.input<typeof extendRestrainingOrderSchema>,
): Promise<void> {
  await apiRequest(`/restraining-orders/${encodeURIComponent(orderId)}/extend`, { method: "POST", body });
}

/** Records a stay in the shelter for persons of the household. */
export async function startShelterStay(
  caseId: string,
  body: z.input<typeof newShelterStaySchema>,
): Promise<void> {
  await apiRequest(`/cases/${encodeURIComponent(caseId)}/shelter-stays`, { method: "POST", body });
}

/** Ends a stay in the shelter; today unless a date is given. */
export async function endShelterStay(
  stayId: string,
  body: z.input<typeof endShelterStaySchema>,
): Promise<void> {
  await apiRequest(`/shelter-stays/${encodeURIComponent(stayId)}/end`, { method: "POST", body });
}
