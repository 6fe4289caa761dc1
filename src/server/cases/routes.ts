import { z } from "zod";
import { dateInAmsterdam } from "../../shared/calendar/working-days.ts";
import { caseListItemSchema, caseSchema, handoverSchema, handoverStatuses } from "../../shared/cases.ts";
import { caseAsSeen } from "../access/policy.ts";
import { notFound } from "../errors.ts";
import { route } from "../http/frame.ts";
import { offsetPage, pageSchema, paginationQuery } from "../http/pagination.ts";
import type { App, RouteDeps } from "../http/types.ts";
import { caseParams, caseSubject } from "./case-subject.ts";
import { getCaseDetail, listCases, listHandovers } from "./queries.ts";

const tags = ["cases"];

export function registerCaseRoutes(app: App, { database: { db } }: RouteDeps): void {
  route(app, db, {
    method: "GET",
    url: "/cases",
    operationId: "listCases",
    summary: "The cases the caller's organisation is involved in",
    tags,
    access: { action: "case.read" },
    querystring: z.strictObject({ status: z.enum(["open", "closed"]).optional(), ...paginationQuery }),
    response: { 200: pageSchema(caseListItemSchema) },
    work: async ({ tx, audit, principal, role, query }) => {
      const page = await offsetPage(query, (offset, take) =>
        listCases(tx, principal, query.status, dateInAmsterdam(new Date()), take, offset),
      );
      audit({
        action: "case.list",
        subjectType: "case-list",
        ground: `role: ${role}, involvement of own organisation`,
      });
      return page;
    },
  });

  route(app, db, {
    method: "GET",
    url: "/cases/:id",
    operationId: "getCase",
    summary: "A case: household, phase, direction, director, involvement, flags, handovers",
    tags,
    access: { action: "case.read" },
    params: caseParams,
    subject: caseSubject("read"),
    response: { 200: caseSchema },
    work: async ({ tx, audit, principal, params, subject: access }) => {
      const whole = await getCaseDetail(tx, params.id, dateInAmsterdam(new Date()), {
        organisationId: principal.organisationId,
        ground: access.ground,
      });
      if (!whole) {
        throw notFound();
      }
      const detail = caseAsSeen(whole, access, principal);
      audit({
        action: "case.read",
        subjectType: "case",
        subjectId: detail.id,
        caseId: detail.id,
        personIds: detail.persons.map((p) => p.id),
        ground: access.ground,
      });
      return detail;
    },
  });

  route(app, db, {
    method: "GET",
    url: "/handovers",
    operationId: "listHandovers",
    summary: "The caller's organisation's handovers (incoming and outgoing), overdue first",
    tags,
    access: { action: "handover.read" },
    querystring: z.strictObject({ status: z.enum(handoverStatuses).optional(), ...paginationQuery }),
    response: { 200: pageSchema(handoverSchema) },
    work: async ({ tx, audit, principal, role, query }) => {
      const page = await offsetPage(query, (offset, take) =>
        listHandovers(tx, principal, query.status, dateInAmsterdam(new Date()), take, offset),
      );
      audit({
        action: "handover.list",
        subjectType: "handover-list",
        ground: `role: ${role}, own organisation`,
      });
      return page;
    },
  });
}
