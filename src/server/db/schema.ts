// Drizzle's view of the tables created by migrations/*.sql (the SQL files are the source of truth).
import {
  bigint,
  boolean,
  customType,
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
  /** Null for an advice request while advice requests have no deadline (migrations/0009). */
  safetyAssessmentDue: date("safety_assessment_due", { mode: "string" }),
  triageDue: date("triage_due", { mode: "string" }),
  earlierInvolvement: text("earlier_involvement").notNull(),
  earlierInvolvementDetail: text("earlier_involvement_detail"),
  caseId: uuid("case_id"),
  recurrence: boolean("recurrence").notNull(),
  createdBy: uuid("created_by"),
  createdAt: instant("created_at").notNull(),
  updatedAt: instant("updated_at").notNull(),
  // migrations/0009: police reports and the non-professional reporter's relationship.
  submittedByOrganisationId: uuid("submitted_by_organisation_id"),
  policeIncidentNumber: text("police_incident_number"),
  policeRestrainingOrderAdvice: text("police_restraining_order_advice"),
  reporterRelationship: text("reporter_relationship"),
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
  /** The report's earlier-involvement class as it stood at this assessment (migrations/0009). */
  earlierInvolvement: text("earlier_involvement"),
  earlierInvolvementDetail: text("earlier_involvement_detail"),
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
  /** Why the centre keeps the case (migrations/0011_centre_routes.sql). */
  keepReason: text("keep_reason"),
  householdDecision: text("household_decision"),
  householdCaseId: uuid("household_case_id"),
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
  /** Whether the sender's part ends when the receiver accepts ('continues' | 'ends'). */
  senderPart: text("sender_part").notNull().default("continues"),
});

// Reference counters: PostgreSQL sequences per prefix and year (migrations/0014, db/references.ts).

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

/** Help for one person of a case: offered, started, ended, withdrawn; never edited in place. */
export const personHelp = pgTable("person_help", {
  id: uuid("id").primaryKey(),
  caseId: uuid("case_id").notNull(),
  personId: uuid("person_id").notNull(),
  kind: text("kind").notNull(),
  description: text("description").notNull(),
  providerOrganisationId: uuid("provider_organisation_id"),
  providerName: text("provider_name"),
  offeredOn: date("offered_on", { mode: "string" }).notNull(),
  startedOn: date("started_on", { mode: "string" }),
  startedRecordedBy: uuid("started_recorded_by"),
  startedRecordedAt: instant("started_recorded_at"),
  endedOn: date("ended_on", { mode: "string" }),
  endedRecordedBy: uuid("ended_recorded_by"),
  endedRecordedAt: instant("ended_recorded_at"),
  withdrawnAt: instant("withdrawn_at"),
  withdrawnBy: uuid("withdrawn_by"),
  withdrawnReason: text("withdrawn_reason"),
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
  /** What scheduled it: 'closure' or 'handover' (the sender's part ended). */
  trigger: text("trigger").notNull().default("closure"),
  handoverId: uuid("handover_id"),
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
  followUpId: uuid("follow_up_id"),
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
  liftedAt: instant("lifted_at"),
  liftedBy: uuid("lifted_by"),
  liftReason: text("lift_reason"),
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

// --- Case journal (migrations/0012_case_journal.sql) ---

export const journalEntries = pgTable("journal_entries", {
  id: uuid("id").primaryKey(),
  caseId: uuid("case_id").notNull(),
  kind: text("kind").notNull(),
  occurredOn: date("occurred_on", { mode: "string" }).notNull(),
  text: text("text").notNull(),
  source: text("source"),
  visibility: text("visibility").notNull(),
  personIds: uuid("person_ids").array().notNull(),
  authorUserId: uuid("author_user_id").notNull(),
  authorOrganisationId: uuid("author_organisation_id").notNull(),
  recordedAt: instant("recorded_at").notNull(),
  correctsEntryId: uuid("corrects_entry_id"),
});

/** bytea as a Buffer on both drivers (PGlite answers a Uint8Array, node-postgres a Buffer). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

export const journalDocuments = pgTable("journal_documents", {
  entryId: uuid("entry_id").primaryKey(),
  fileName: text("file_name").notNull(),
  mediaType: text("media_type").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  sha256: text("sha256").notNull(),
  content: bytea("content").notNull(),
});

// --- The centre's own routes (migrations/0011_centre_routes.sql) ---

export const centreTrajectories = pgTable("centre_trajectories", {
  id: uuid("id").primaryKey(),
  caseId: uuid("case_id").notNull(),
  reportId: uuid("report_id").notNull(),
  kind: text("kind").notNull(),
  organisationId: uuid("organisation_id").notNull(),
  triagedOn: date("triaged_on", { mode: "string" }).notNull(),
  createdAt: instant("created_at").notNull(),
  startedOn: date("started_on", { mode: "string" }),
  weeks: integer("weeks"),
  dueOn: date("due_on", { mode: "string" }),
  startedBy: uuid("started_by"),
  startedAt: instant("started_at"),
  completedOn: date("completed_on", { mode: "string" }),
  completedBy: uuid("completed_by"),
  completedAt: instant("completed_at"),
  outcomeNotes: text("outcome_notes"),
  planVersion: integer("plan_version"),
});

export const investigationFindings = pgTable("investigation_findings", {
  trajectoryId: uuid("trajectory_id").notNull(),
  violenceType: text("violence_type").notNull(),
  finding: text("finding").notNull(),
});

export const trajectoryConditions = pgTable("trajectory_conditions", {
  trajectoryId: uuid("trajectory_id").notNull(),
  position: integer("position").notNull(),
  conditionId: text("condition_id").notNull(),
  text: text("text").notNull(),
  met: boolean("met").notNull(),
});

export const centreTasks = pgTable("centre_tasks", {
  id: uuid("id").primaryKey(),
  kind: text("kind").notNull(),
  reportId: uuid("report_id").notNull(),
  caseId: uuid("case_id"),
  trajectoryId: uuid("trajectory_id"),
  organisationId: uuid("organisation_id").notNull(),
  dueOn: date("due_on", { mode: "string" }).notNull(),
  createdAt: instant("created_at").notNull(),
  doneOn: date("done_on", { mode: "string" }),
  doneNotes: text("done_notes"),
  doneBy: uuid("done_by"),
  doneAt: instant("done_at"),
});

export const caseCrises = pgTable("case_crises", {
  id: uuid("id").primaryKey(),
  caseId: uuid("case_id").notNull(),
  reportId: uuid("report_id").notNull(),
  openedAt: instant("opened_at").notNull(),
  openedBy: uuid("opened_by").notNull(),
  openedByOrganisationId: uuid("opened_by_organisation_id").notNull(),
});

export const boardRequests = pgTable("board_requests", {
  id: uuid("id").primaryKey(),
  caseId: uuid("case_id").notNull(),
  requestedOn: date("requested_on", { mode: "string" }).notNull(),
  question: text("question").notNull(),
  requestedBy: uuid("requested_by").notNull(),
  requestedByOrganisationId: uuid("requested_by_organisation_id").notNull(),
  requestedAt: instant("requested_at").notNull(),
  answeredOn: date("answered_on", { mode: "string" }),
  outcome: text("outcome"),
  answer: text("answer"),
  answerRecordedBy: uuid("answer_recorded_by"),
  answerRecordedAt: instant("answer_recorded_at"),
});

export const reporterProtections = pgTable("reporter_protections", {
  id: uuid("id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
  reportId: uuid("report_id").notNull(),
  protected: boolean("protected").notNull(),
  reason: text("reason"),
  decidedBy: uuid("decided_by").notNull(),
  decidedByOrganisationId: uuid("decided_by_organisation_id").notNull(),
  decidedAt: instant("decided_at").notNull(),
});

// --- One household, one case (migrations/0009_household_and_national_intake.sql) ---

export const caseLinks = pgTable("case_links", {
  id: uuid("id").primaryKey(),
  caseId: uuid("case_id").notNull(),
  linkedCaseId: uuid("linked_case_id").notNull(),
  reason: text("reason").notNull(),
  reportId: uuid("report_id"),
  createdBy: uuid("created_by").notNull(),
  createdByOrganisationId: uuid("created_by_organisation_id").notNull(),
  createdAt: instant("created_at").notNull(),
});
