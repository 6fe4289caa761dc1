import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from "fastify";
import type { z } from "zod";
import type { Role } from "../../shared/auth.ts";
import type { RouteAccess } from "../access/policy.ts";
import type { Actor, Principal } from "../access/principal.ts";
import { accessOf, anonymousActor } from "../access/route-guard.ts";
import { type AuditEvent, auditedTransaction } from "../audit/audited-transaction.ts";
import type { Db } from "../db/client.ts";
import { isLostRace } from "../db/lost-race.ts";
import type { AppError } from "../errors.ts";
import { documentedResponses, type ProblemStatus } from "./documented-responses.ts";
import type { ReferenceFields } from "./reference-checks.ts";
import type { App } from "./types.ts";

type Schema = z.ZodType | undefined;
type Infer<S extends Schema> = S extends z.ZodType ? z.infer<S> : undefined;
type SuccessStatus = 200 | 201 | 204;
type Responses = Partial<Record<SuccessStatus, z.ZodType>>;
type Answer<R extends Responses> = {
  [K in keyof R]: R[K] extends z.ZodType ? z.input<R[K]> : never;
}[keyof R];

/** What the frame hands the work: the request's checked input, the transaction and the caller. */
export interface Context<P, Q, B, H, S, A extends RouteAccess = RouteAccess> {
  params: P;
  query: Q;
  body: B;
  headers: H;
  tx: Db;
  /** Records an audit entry, written last in this same transaction. */
  audit(event: AuditEvent): void;
  /** What the subject check established (a case's access and ground, a report's, …); undefined without one. */
  subject: S;
  /** The caller; null on public routes. */
  principal: A extends "public" ? null : Principal;
  role: A extends "public" ? null : Role;
  actor: Actor;
  /** For response headers (ETag, Location, cookies); the frame sends the body. */
  reply: FastifyReply;
  request: FastifyRequest;
}

/** The routes' work as seen by `subject`: who asks, about what, in which transaction. */
export interface SubjectInput<P> {
  tx: Db;
  principal: Principal;
  params: P;
}

/**
 * How a route authorises its subject (the case, the report, the person) after the role check:
 * `authorize` throws the 404 (or 403) the policy decides, and answers what the work needs.
 * `after` writes the subject's own audit entry once the work is done.
 */
export interface Subject<P, S> {
  authorize(input: SubjectInput<P>): Promise<S>;
  after?(input: SubjectInput<P> & { subject: S; audit: (event: AuditEvent) => void }): Promise<void>;
  /** The problem statuses this check can answer beyond 404 (e.g. 403 for read-only access). */
  statuses?: ProblemStatus[];
}

export interface RouteSpec<
  P extends Schema,
  Q extends Schema,
  B extends Schema,
  H extends Schema,
  R extends Responses,
  S,
  A extends RouteAccess,
> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Below /api/v1, with `:name` parameters. */
  url: string;
  /** Unique, camelCase, stable: clients generate code from it. */
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  access: A;
  references?: ReferenceFields;
  params?: P;
  querystring?: Q;
  body?: B;
  headers?: H;
  /** The success answers; the first is the status sent. 204 takes no schema: give `z.null()`. */
  response: R;
  /** Problem statuses the work can answer beyond those the frame derives (400, 401, 403, 404, …). */
  problems?: ProblemStatus[];
  subject?: Subject<Infer<P>, S>;
  /** The work runs in the frame's transaction unless a route must commit parts of itself (login). */
  transaction?: "audited" | "none";
  /** A lost race on this route's write (serialisation, deadlock, the winner's unique key) answers this error. */
  lostRace?: () => AppError;
  /** Extra Fastify route config (rate limits, body limits). */
  config?: Record<string, unknown>;
  bodyLimit?: number;
  work(context: Context<Infer<P>, Infer<Q>, Infer<B>, Infer<H>, S, A>): Promise<Answer<R>>;
}

/** The object without its undefined members (the route options are exact about optional ones). */
function defined<T extends Record<string, unknown>>(
  object: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/**
 * The one request frame. A route declares its access, its schemas and its work; the route guard
 * has authenticated the caller and checked the role and CSRF (preValidation) and Fastify has
 * validated the input by the Zod schemas before this runs. The frame opens the audited
 * transaction, authorises the subject, does the work, writes the subject's audit entry, maps a lost
 * race, and presents the answer under its documented status. The OpenAPI document gets the
 * operation, its documented problems and its security requirement from the same declaration.
 */
export function route<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
  H extends Schema = undefined,
  R extends Responses = Responses,
  S = undefined,
  const A extends RouteAccess = RouteAccess,
>(app: App, db: Db, spec: RouteSpec<P, Q, B, H, R, S, A>): void {
  const successStatus = Number(Object.keys(spec.response)[0]) as SuccessStatus;
  // The frame types the work from the spec's schemas; Fastify's own inference is not needed below.
  (app as unknown as FastifyInstance).route({
    method: spec.method,
    url: spec.url,
    ...defined({ bodyLimit: spec.bodyLimit }),
    config: { ...spec.config, access: spec.access, ...defined({ references: spec.references }) },
    schema: <FastifySchema>{
      operationId: spec.operationId,
      summary: spec.summary,
      tags: spec.tags,
      ...defined({
        description: spec.description,
        params: spec.params,
        querystring: spec.querystring,
        body: spec.body,
        headers: spec.headers,
      }),
      response: { ...spec.response, ...documentedResponses(spec) },
    },
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const access = spec.access === "public" ? null : accessOf(request);
      const actor = access?.actor ?? anonymousActor(request);
      const input = {
        params: request.params as Infer<P>,
        query: request.query as Infer<Q>,
        body: request.body as Infer<B>,
        headers: request.headers as Infer<H>,
      };
      const run = async (tx: Db, audit: (event: AuditEvent) => void) => {
        let subject = undefined as S;
        if (spec.subject) {
          if (!access) {
            throw new Error(`${spec.operationId}: a subject check needs an authenticated route`);
          }
          subject = await spec.subject.authorize({ tx, principal: access.principal, params: input.params });
        }
        const answer = await spec.work({
          ...input,
          tx,
          audit,
          subject,
          // The route guard gave every non-public route its access; public routes have none.
          principal: (access?.principal ?? null) as Context<
            unknown,
            unknown,
            unknown,
            unknown,
            S,
            A
          >["principal"],
          role: (access?.role ?? null) as Context<unknown, unknown, unknown, unknown, S, A>["role"],
          actor,
          reply,
          request,
        });
        if (spec.subject?.after && access) {
          await spec.subject.after({ tx, principal: access.principal, params: input.params, subject, audit });
        }
        return answer;
      };
      let answer: Answer<R>;
      try {
        answer =
          spec.transaction === "none"
            ? await run(db, () => {
                throw new Error(`${spec.operationId}: audit needs the audited transaction`);
              })
            : await auditedTransaction(db, actor, ({ tx, audit }) => run(tx, audit));
      } catch (error) {
        if (spec.lostRace && isLostRace(error)) {
          throw spec.lostRace();
        }
        throw error;
      }
      return reply.code(successStatus).send(successStatus === 204 ? null : (answer as unknown));
    },
  });
}
