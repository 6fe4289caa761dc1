import { z } from "zod";
import {
  type NewPartnership,
  type Partnership,
  partnershipSchema,
  shelterStayWorkItemSchema,
} from "../../shared/network";
import { apiRequest } from "./client";
import { queryString, withSignal } from "./page";

export type ShelterStayWorkItem = z.infer<typeof shelterStayWorkItemSchema>;

const partnershipsSchema = z.object({ items: z.array(partnershipSchema) });
const staysSchema = z.object({ items: z.array(shelterStayWorkItemSchema) });

/** The case's network partnerships, open ones first. */
export async function fetchCasePartnerships(caseId: string, signal?: AbortSignal): Promise<Partnership[]> {
  return (
    await apiRequest(`/cases/${encodeURIComponent(caseId)}/network-partners`, {
      schema: partnershipsSchema,
      ...withSignal(signal),
    })
  ).items;
}

/** Invites an organisation into the case's network (director or centre). */
export async function invitePartner(caseId: string, body: NewPartnership): Promise<void> {
  await apiRequest(`/cases/${encodeURIComponent(caseId)}/network-partners`, { method: "POST", body });
}

/** The caller's organisation's open invitations (or active partnerships). */
export async function fetchOwnPartnerships(
  status: "invited" | "active",
  signal?: AbortSignal,
): Promise<Partnership[]> {
  return (
    await apiRequest(`/network-partnerships${queryString({ status, limit: 50 })}`, {
      schema: partnershipsSchema,
      ...withSignal(signal),
    })
  ).items;
}

/** Accepts, declines (with a reason) or ends (with a reason) a partnership. */
export async function decidePartnership(
  id: string,
  decision: "accept" | "decline" | "end",
  reason?: string,
): Promise<void> {
  await apiRequest(`/network-partnerships/${encodeURIComponent(id)}/${decision}`, {
    method: "POST",
    ...(reason === undefined ? {} : { body: { reason } }),
  });
}

/** Marks one agreement of the plan done: a new plan version, made by the server. */
export async function completeAgreement(caseId: string, agreementId: string): Promise<void> {
  await apiRequest(
    `/cases/${encodeURIComponent(caseId)}/safety-plan/agreements/${encodeURIComponent(agreementId)}/done`,
    { method: "POST" },
  );
}

/** Stays hosted by the caller's shelter that have not ended. */
export async function fetchHostedStays(signal?: AbortSignal): Promise<ShelterStayWorkItem[]> {
  return (
    await apiRequest(`/shelter-stays${queryString({ limit: 50 })}`, {
      schema: staysSchema,
      ...withSignal(signal),
    })
  ).items;
}
