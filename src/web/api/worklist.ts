import { z } from "zod";
import { agreementWorkItemSchema, followUpSchema, notificationSchema } from "../../shared/cases";
import { apiRequest } from "./client";
import { queryString, withSignal } from "./page";

export type AgreementWorkItem = z.infer<typeof agreementWorkItemSchema>;
export type Notification = z.infer<typeof notificationSchema>;
export type DueFollowUp = z.infer<typeof followUpSchema>;

const agreementsSchema = z.object({ items: z.array(agreementWorkItemSchema) });
const followUpsSchema = z.object({ items: z.array(followUpSchema) });
const notificationsSchema = z.object({ items: z.array(notificationSchema) });

/** Open agreements owned by the caller's organisation across its cases, earliest due first. */
export async function fetchAgreements(limit: number, signal?: AbortSignal): Promise<AgreementWorkItem[]> {
  return (
    await apiRequest(`/agreements${queryString({ limit })}`, {
      schema: agreementsSchema,
      ...withSignal(signal),
    })
  ).items;
}

/** The organisation's follow-ups without an outcome, earliest first. */
export async function fetchDueFollowUps(limit: number, signal?: AbortSignal): Promise<DueFollowUp[]> {
  return (
    await apiRequest(`/follow-ups${queryString({ limit })}`, {
      schema: followUpsSchema,
      ...withSignal(signal),
    })
  ).items;
}

/** The organisation's notifications, unread first. */
export async function fetchNotifications(limit: number, signal?: AbortSignal): Promise<Notification[]> {
  return (
    await apiRequest(`/notifications${queryString({ limit })}`, {
      schema: notificationsSchema,
      ...withSignal(signal),
    })
  ).items;
}

/** Marks a notification as read (for the whole organisation). */
export async function markNotificationRead(id: string): Promise<void> {
  await apiRequest(`/notifications/${encodeURIComponent(id)}/read`, { method: "POST" });
}
