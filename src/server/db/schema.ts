// Drizzle's view of the tables created by migrations/*.sql (the SQL files are the source of truth).
import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const regions = pgTable("regions", {
  id: uuid("id").primaryKey(),
  code: text("code").notNull(),
  name: text("name").notNull(),
});

export const municipalities = pgTable("municipalities", {
  code: text("code").primaryKey(),
  regionId: uuid("region_id").notNull(),
  name: text("name").notNull(),
  inhabitants: integer("inhabitants").notNull(),
  isCentreMunicipality: boolean("is_centre_municipality").notNull(),
});

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey(),
  regionId: uuid("region_id").notNull(),
  name: text("name").notNull(),
  kind: text("kind").notNull(),
  municipalityCode: text("municipality_code"),
});

export const violenceTypes = pgTable("violence_types", {
  code: text("code").primaryKey(),
  groupCode: text("group_code").notNull(),
  labelNl: text("label_nl").notNull(),
  labelEn: text("label_en").notNull(),
  sortOrder: integer("sort_order").notNull(),
  active: boolean("active").notNull(),
});

export const users = pgTable("users", {
  id: uuid("id").primaryKey(),
  username: text("username").notNull(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  totpSecret: text("totp_secret"),
  totpLastStep: bigint("totp_last_step", { mode: "number" }),
  organisationId: uuid("organisation_id").notNull(),
  roles: text("roles").array().notNull(),
  active: boolean("active").notNull(),
  createdAt: instant("created_at").notNull(),
});

export const sessions = pgTable("sessions", {
  id: text("id").primaryKey(),
  userId: uuid("user_id").notNull(),
  csrfToken: text("csrf_token").notNull(),
  createdAt: instant("created_at").notNull(),
  lastSeenAt: instant("last_seen_at").notNull(),
  expiresAt: instant("expires_at").notNull(),
  revokedAt: instant("revoked_at"),
});

export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: instant("window_started_at").notNull(),
  blockedUntil: instant("blocked_until"),
});

export const persons = pgTable("persons", {
  id: uuid("id").primaryKey(),
  createdAt: instant("created_at").notNull(),
  firstName: text("first_name"),
  lastName: text("last_name"),
  birthDate: date("birth_date", { mode: "string" }),
  bsn: text("bsn"),
  street: text("street"),
  houseNumber: text("house_number"),
  houseNumberKey: text("house_number_key"),
  postcode: text("postcode"),
  city: text("city"),
  surnameKey: text("surname_key"),
  firstNameKey: text("first_name_key"),
  mergedInto: uuid("merged_into"),
  /** As stated at intake; a birth date decides instead (src/shared/minors.ts). */
  minor: text("minor").notNull().default("unknown"),
});

export const cases = pgTable("cases", {
  id: uuid("id").primaryKey(),
  reference: text("reference").notNull(),
  regionId: uuid("region_id").notNull(),
  municipalityCode: text("municipality_code").notNull(),
  status: text("status").notNull(),
  createdAt: instant("created_at").notNull(),
  phase: text("phase").notNull().default("safety"),
  direction: text("direction").notNull().default("regional"),
  directorUserId: uuid("director_user_id"),
  directorOrganisationId: uuid("director_organisation_id"),
  closedAt: instant("closed_at"),
  closeReason: text("close_reason"),
});

export const caseInvolvements = pgTable("case_involvements", {
  id: uuid("id").primaryKey(),
  caseId: uuid("case_id").notNull(),
  organisationId: uuid("organisation_id").notNull(),
  ground: text("ground").notNull(),
  startedAt: instant("started_at").notNull(),
  endedAt: instant("ended_at"),
});

export const auditEntries = pgTable("audit_entries", {
  seq: bigint("seq", { mode: "number" }).primaryKey(),
  at: instant("at").notNull(),
  userId: uuid("user_id"),
  role: text("role"),
  organisationId: uuid("organisation_id"),
  onBehalfOf: text("on_behalf_of"),
  action: text("action").notNull(),
  subjectType: text("subject_type").notNull(),
  subjectId: text("subject_id"),
  caseId: uuid("case_id"),
  personIds: uuid("person_ids").array().notNull(),
  ground: text("ground"),
  emergency: boolean("emergency").notNull(),
  remoteAddress: text("remote_address"),
  requestId: text("request_id"),
  outcome: text("outcome").notNull(),
  prevHash: text("prev_hash").notNull(),
  hash: text("hash").notNull(),
});

export const auditChainHead = pgTable("audit_chain_head", {
  id: integer("id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
});

// --- Intake (migrations/0002_intake.sql) ---

export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: instant("updated_at").notNull(),
});

export const extraNonWorkingDays = pgTable("extra_non_working_days", {
  day: date("day", { mode: "string" }).primaryKey(),
  reason: text("reason").notNull(),
});

export const riskChecklists = pgTable("risk_checklists", {
  id: text("id").notNull(),
  version: integer("version").notNull(),
  definition: jsonb("definition").notNull(),
  active: boolean("active").notNull(),
  createdAt: instant("created_at").notNull(),
});

export const reports = pgTable("reports", {
  id: uuid("id").primaryKey(),
  reference: text("reference").notNull(),
  regionId: uuid("region_id").notNull(),
  receivingOrganisationId: uuid("receiving_organisation_id").notNull(),
  kind: text("kind").notNull(),
  status: text("status").notNull(),
  receivedAt: instant("received_at").notNull(),
  receivedOn: date("received_on", { mode: "string" }).notNull(),
  channel: text("channel").notNull(),
  reporterCategory: text("reporter_category").notNull(),
  reporterSector: text("reporter_sector"),
  reporterName: text("reporter_name"),
  reporterOrganisation: text("reporter_organisation"),
  reporterContact: text("reporter_contact"),
  municipalityCode: text("municipality_code").notNull(),
  violenceTypes: text("violence_types").array().notNull(),
  narrative: text("narrative").notNull(),
  acuteConcern: boolean("acute_concern").notNull(),
  safetyAssessmentDue: date("safety_assessment_due", { mode: "string" }).notNull(),
  triageDue: date("triage_due", { mode: "string" }).notNull(),
  earlierInvolvement: text("earlier_involvement").notNull(),
  earlierInvolvementDetail: text("earlier_involvement_detail"),
  caseId: uuid("case_id"),
  recurrence: boolean("recurrence").notNull(),
  createdBy: uuid("created_by"),
  createdAt: instant("created_at").notNull(),
  updatedAt: instant("updated_at").notNull(),
});

export const reportKindChanges = pgTable("report_kind_changes", {
  id: uuid("id").primaryKey(),
  reportId: uuid("report_id").notNull(),
  fromKind: text("from_kind").notNull(),
  toKind: text("to_kind").notNull(),
  reason: text("reason").notNull(),
  changedBy: uuid("changed_by").notNull(),
  changedAt: instant("changed_at").notNull(),
});

export const reportPersons = pgTable("report_persons", {
  reportId: uuid("report_id").notNull(),
  personKey: text("person_key").notNull(),
  personId: uuid("person_id").notNull(),
  reportedPersonId: uuid("reported_person_id").notNull(),
  role: text("role").notNull(),
});

export const reportRelations = pgTable("report_relations", {
  reportId: uuid("report_id").notNull(),
  fromKey: text("from_key").notNull(),
  toKey: text("to_key").notNull(),
  type: text("type").notNull(),
});

export const reportMatches = pgTable("report_matches", {
  id: uuid("id").primaryKey(),
  reportId: uuid("report_id").notNull(),
  personKey: text("person_key").notNull(),
  candidatePersonId: uuid("candidate_person_id").notNull(),
  caseId: uuid("case_id"),
  score: real("score").notNull(),
  reasons: text("reasons").array().notNull(),
  status: text("status").notNull(),
  decidedBy: uuid("decided_by"),
  decidedAt: instant("decided_at"),
});

export const safetyAssessments = pgTable("safety_assessments", {
  id: uuid("id").primaryKey(),
  reportId: uuid("report_id"),
  caseId: uuid("case_id"),
  acuteUnsafety: boolean("acute_unsafety").notNull(),
  structuralUnsafety: boolean("structural_unsafety").notNull(),
  immediateMeasures: text("immediate_measures").array().notNull(),
  notes: text("notes"),
  checklistId: text("checklist_id"),
  checklistVersion: integer("checklist_version"),
  checklistAnswers: jsonb("checklist_answers"),
  checklistScore: integer("checklist_score"),
  checklistLevel: text("checklist_level"),
  professionalLevel: text("professional_level"),
  assessedBy: uuid("assessed_by").notNull(),
  assessedByOrganisationId: uuid("assessed_by_organisation_id").notNull(),
  assessedAt: instant("assessed_at").notNull(),
});

export const triages = pgTable("triages", {
  reportId: uuid("report_id").primaryKey(),
  route: text("route").notNull(),
  toOrganisationId: uuid("to_organisation_id"),
  rationale: text("rationale").notNull(),
  caseId: uuid("case_id"),
  decidedBy: uuid("decided_by").notNull(),
  decidedByOrganisationId: uuid("decided_by_organisation_id").notNull(),
  decidedAt: instant("decided_at").notNull(),
});

export const casePersons = pgTable("case_persons", {
  caseId: uuid("case_id").notNull(),
  personId: uuid("person_id").notNull(),
  role: text("role").notNull(),
  addedAt: instant("added_at").notNull(),
});

export const handovers = pgTable("handovers", {
  id: uuid("id").primaryKey(),
  caseId: uuid("case_id").notNull(),
  fromOrganisationId: uuid("from_organisation_id").notNull(),
  toOrganisationId: uuid("to_organisation_id").notNull(),
  status: text("status").notNull(),
  note: text("note"),
  warmHandoverAt: instant("warm_handover_at"),
  dueOn: date("due_on", { mode: "string" }).notNull(),
  createdBy: uuid("created_by").notNull(),
  createdAt: instant("created_at").notNull(),
  decidedBy: uuid("decided_by"),
  decidedAt: instant("decided_at"),
  declineReason: text("decline_reason"),
  decidedByOrganisationId: uuid("decided_by_organisation_id"),
});

export const referenceCounters = pgTable("reference_counters", {
  prefix: text("prefix").notNull(),
  year: integer("year").notNull(),
  last: integer("last").notNull(),
});

// --- Case work (migrations/0003_case_work.sql) ---

export const safetyPlanVersions = pgTable("safety_plan_versions", {
  caseId: uuid("case_id").notNull(),
  version: integer("version").notNull(),
  plan: jsonb("plan").notNull(),
  authorUserId: uuid("author_user_id"),
  authorOrganisationId: uuid("author_organisation_id"),
  createdAt: instant("created_at").notNull(),
});

export const caseEvents = pgTable("case_events", {
  id: uuid("id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
  caseId: uuid("case_id").notNull(),
  at: instant("at").notNull(),
  userId: uuid("user_id"),
  organisationId: uuid("organisation_id"),
  kind: text("kind").notNull(),
  reason: text("reason"),
  details: jsonb("details").notNull(),
});

export const helpOffered = pgTable("help_offered", {
  id: uuid("id").primaryKey(),
  caseId: uuid("case_id").notNull(),
  personId: uuid("person_id").notNull(),
  offeredOn: date("offered_on", { mode: "string" }).notNull(),
  description: text("description").notNull(),
  recordedBy: uuid("recorded_by").notNull(),
  recordedByOrganisationId: uuid("recorded_by_organisation_id").notNull(),
  recordedAt: instant("recorded_at").notNull(),
});

export const followUps = pgTable("follow_ups", {
  id: uuid("id").primaryKey(),
  caseId: uuid("case_id").notNull(),
  organisationId: uuid("organisation_id").notNull(),
  monthsAfterClosure: integer("months_after_closure").notNull(),
  dueOn: date("due_on", { mode: "string" }).notNull(),
  outcome: text("outcome"),
  notes: text("notes"),
  recordedBy: uuid("recorded_by"),
  recordedAt: instant("recorded_at"),
  cancelledAt: instant("cancelled_at"),
});

export const notifications = pgTable("notifications", {
  id: uuid("id").primaryKey(),
  organisationId: uuid("organisation_id").notNull(),
  kind: text("kind").notNull(),
  caseId: uuid("case_id"),
  handoverId: uuid("handover_id"),
  createdAt: instant("created_at").notNull(),
  readAt: instant("read_at"),
  readBy: uuid("read_by"),
  partnershipId: uuid("partnership_id"),
});

// --- Protective measures (migrations/0004_protective_measures.sql) ---

export const restrainingOrders = pgTable("restraining_orders", {
  id: uuid("id").primaryKey(),
  caseId: uuid("case_id").notNull(),
  personId: uuid("person_id").notNull(),
  startsOn: date("starts_on", { mode: "string" }).notNull(),
  endsOn: date("ends_on", { mode: "string" }).notNull(),
  extendedAt: instant("extended_at"),
  extendedBy: uuid("extended_by"),
  recordedBy: uuid("recorded_by").notNull(),
  recordedByOrganisationId: uuid("recorded_by_organisation_id").notNull(),
  recordedAt: instant("recorded_at").notNull(),
});

export const shelterStays = pgTable("shelter_stays", {
  id: uuid("id").primaryKey(),
  caseId: uuid("case_id").notNull(),
  personIds: uuid("person_ids").array().notNull(),
  kind: text("kind").notNull(),
  startsOn: date("starts_on", { mode: "string" }).notNull(),
  endedOn: date("ended_on", { mode: "string" }),
  recordedBy: uuid("recorded_by").notNull(),
  recordedByOrganisationId: uuid("recorded_by_organisation_id").notNull(),
  recordedAt: instant("recorded_at").notNull(),
  endedBy: uuid("ended_by"),
  /** The shelter hosting the stay (migrations/0013); null for stays recorded before. */
  shelterOrganisationId: uuid("shelter_organisation_id"),
});

// --- Network partners (migrations/0013_network_partners.sql) ---

export const networkPartnerships = pgTable("network_partnerships", {
  id: uuid("id").primaryKey(),
  caseId: uuid("case_id").notNull(),
  organisationId: uuid("organisation_id").notNull(),
  purpose: text("purpose").notNull(),
  purposeText: text("purpose_text").notNull(),
  status: text("status").notNull(),
  invitedBy: uuid("invited_by").notNull(),
  invitedByOrganisationId: uuid("invited_by_organisation_id").notNull(),
  invitedAt: instant("invited_at").notNull(),
  decidedBy: uuid("decided_by"),
  decidedAt: instant("decided_at"),
  declineReason: text("decline_reason"),
  endedBy: uuid("ended_by"),
  endedByOrganisationId: uuid("ended_by_organisation_id"),
  endedAt: instant("ended_at"),
  endReason: text("end_reason"),
  shelterStayId: uuid("shelter_stay_id"),
});
