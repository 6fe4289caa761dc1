import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading2,
  Paragraph,
} from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import {
  type CreateReport,
  channels,
  reporterCategories,
  reporterRelationships,
  type reportKinds,
  sectors,
} from "../../shared/intake";
import { createReport } from "../api/intake";
import { fetchReportPrefill } from "../api/intake-household";
import { isUuid } from "../api/page";
import type { ReferenceData } from "../api/reference";
import { useReferenceData } from "../api/use-reference";
import { ErrorSummary } from "../components/error-summary";
import { RequiredFieldsNote } from "../components/field-parts";
import { FormFailure } from "../components/form-failure";
import {
  CheckboxField,
  CheckboxGroupField,
  RadioGroupField,
  SelectField,
  TextareaField,
} from "../components/form-fields";
import { HouseholdEditor } from "../components/household-editor";
import { KeptDraftNotice } from "../components/kept-draft-notice";
import { LoadFailed } from "../components/load-failed";
import { LoadingMessage } from "../components/loading-message";
import { PageHeading } from "../components/page-heading";
import { TextField } from "../components/text-field";
import { useDocumentTitle } from "../components/use-document-title";
import {
  checkHousehold,
  emptyPerson,
  type HouseholdDraft,
  householdProblemForPath,
  personsForRequest,
  relationsForRequest,
} from "../forms/household";
import { type FieldProblem, messageFor, validationErrorsOf } from "../forms/problems";
import { useFormFeedback } from "../forms/use-form-feedback";
import { useKeptDraft } from "../forms/use-kept-draft";
import { violenceTypeGroups } from "../forms/violence-types";
import { can } from "../session/capabilities";
import { useAuthenticatedUser } from "../session/session-context";
import { NoAccessPage } from "./no-access-page";

type ReportKind = (typeof reportKinds)[number];
type Channel = (typeof channels)[number];
type ReporterCategory = (typeof reporterCategories)[number];
type Sector = (typeof sectors)[number];
type ReporterRelationship = (typeof reporterRelationships)[number];

interface ReportDraft {
  kind: ReportKind | "";
  receivedDate: string;
  receivedTime: string;
  channel: Channel | "";
  reporterCategory: ReporterCategory | "";
  reporterSector: Sector | "";
  reporterRelationship: ReporterRelationship | "";
  reporterName: string;
  reporterOrganisation: string;
  reporterContact: string;
  municipalityCode: string;
  violenceTypes: string[];
  narrative: string;
  acuteConcern: boolean;
  household: HouseholdDraft;
}

const addPersonId = "add-person";

const pad = (value: number) => String(value).padStart(2, "0");

function newDraft(now = new Date()): ReportDraft {
  return {
    kind: "",
    // The browser's local date and time: the intake worker's own clock.
    receivedDate: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    receivedTime: `${pad(now.getHours())}:${pad(now.getMinutes())}`,
    channel: "",
    reporterCategory: "",
    reporterSector: "",
    reporterRelationship: "",
    reporterName: "",
    reporterOrganisation: "",
    reporterContact: "",
    municipalityCode: "",
    violenceTypes: [],
    narrative: "",
    acuteConcern: false,
    household: { persons: [emptyPerson("p1")], relations: [] },
  };
}

/** The instant of receipt from the local date and time fields; left as typed when they make no date. */
function receivedAtOf(date: string, time: string): string {
  const instant = new Date(`${date}T${time === "" ? "00:00" : time}`);
  return Number.isNaN(instant.getTime()) ? `${date}T${time}` : instant.toISOString();
}

const reportFieldIds: Record<string, string> = {
  kind: "report-kind",
  receivedAt: "received-date",
  channel: "channel",
  reporter: "reporter-category",
  "reporter.category": "reporter-category",
  "reporter.sector": "reporter-sector",
  "reporter.name": "reporter-name",
  "reporter.organisation": "reporter-organisation",
  "reporter.contact": "reporter-contact",
  municipalityCode: "municipality",
  violenceTypes: "violence-types",
  narrative: "narrative",
  acuteConcern: "acute-concern",
};

/** The order of the fields in the form, so that the error summary lists problems top to bottom. */
const fieldOrder = [
  "report-kind",
  "received-date",
  "received-time",
  "channel",
  "reporter-category",
  "reporter-sector",
  "reporter-name",
  "reporter-organisation",
  "reporter-contact",
  "municipality",
  "violence-types",
  "narrative",
  "acute-concern",
];

function sortProblems(problems: FieldProblem[], draft: ReportDraft): FieldProblem[] {
  const rank = (fieldId: string): number => {
    const index = fieldOrder.indexOf(fieldId);
    if (index >= 0) {
      return index;
    }
    // Household fields come after the report fields, in the order of persons and relations.
    const person = draft.household.persons.findIndex((p) => fieldId.startsWith(`person-${p.key}-`));
    if (person >= 0) {
      return 100 + person;
    }
    if (fieldId === addPersonId) {
      return 199;
    }
    const relation = draft.household.relations.findIndex((r) => fieldId.startsWith(`relation-${r.id}-`));
    return relation >= 0 ? 200 + relation : 300;
  };
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => rank(a.problem.fieldId) - rank(b.problem.fieldId) || a.index - b.index)
    .map(({ problem }) => problem);
}

/**
 * Recording a new report or advice request: how it came in, who reports (visible only to the
 * centre), where, what happened, and the household with its relations. Required choices are
 * checked here; everything else the server checks and answers field by field.
 */
export function NewReportPage() {
  const { t } = useTranslation();
  const user = useAuthenticatedUser();
  const { reference, reload } = useReferenceData();
  useDocumentTitle(t("newReport.title"));

  if (!can(user, "createReports")) {
    return <NoAccessPage />;
  }
  return (
    <>
      <PageHeading>{t("newReport.heading")}</PageHeading>
      {reference.status === "loading" ? <LoadingMessage /> : null}
      {reference.status === "failed" || reference.status === "not-found" ? (
        <LoadFailed error={reference.status === "failed" ? reference.error : undefined} onRetry={reload} />
      ) : null}
      {reference.status === "loaded" ? <NewReportForm reference={reference.data} /> : null}
    </>
  );
}

function NewReportForm({ reference }: { reference: ReferenceData }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ReportDraft>(() => newDraft());
  const [isBusy, setBusy] = useState(false);
  const [searchParams] = useSearchParams();
  const prefillCaseId = searchParams.get("zaak") ?? "";
  const [prefill, setPrefill] = useState<{ status: "none" | "loaded" | "failed"; reference?: string }>({
    status: "none",
  });

  const kept = useKeptDraft(
    isUuid(prefillCaseId) ? `new-report:${prefillCaseId}` : "new-report",
    draft,
    (saved: ReportDraft) => setDraft({ ...newDraft(), ...saved }),
  );

  // A new report on a known household (e.g. after "new violence" at a follow-up): its persons
  // are filled in from the case, which the server answers only when the caller may see it;
  // not over input kept from before.
  useEffect(() => {
    if (!isUuid(prefillCaseId) || kept.restored) {
      return;
    }
    const controller = new AbortController();
    fetchReportPrefill(prefillCaseId, controller.signal).then(
      (household) => {
        setDraft((current) => ({
          ...current,
          municipalityCode:
            current.municipalityCode === "" ? household.municipalityCode : current.municipalityCode,
          household: {
            relations: [],
            persons: household.persons.map((p, index) => ({
              ...emptyPerson(`p${index + 1}`),
              firstName: p.firstName ?? "",
              lastName: p.lastName ?? "",
              birthDate: p.birthDate ?? "",
              bsn: p.bsn ?? "",
              role: p.role,
              street: p.address?.street ?? "",
              houseNumber: p.address?.houseNumber ?? "",
              postcode: p.address?.postcode ?? "",
              city: p.address?.city ?? "",
              minor: p.birthDate === undefined ? p.minor : "",
            })),
          },
        }));
        setPrefill({ status: "loaded", reference: household.caseReference });
      },
      () => {
        if (!controller.signal.aborted) {
          setPrefill({ status: "failed" });
        }
      },
    );
    return () => controller.abort();
  }, [prefillCaseId, kept.restored]);
  const feedback = useFormFeedback();
  const { problems } = feedback;

  function update(change: Partial<ReportDraft>): void {
    setDraft((current) => ({ ...current, ...change }));
  }

  const error = (fieldId: string) => messageFor(problems, fieldId);

  function checkRequired(): FieldProblem[] {
    const found: FieldProblem[] = [];
    const add = (fieldId: string, message: string) => found.push({ fieldId, message });
    if (draft.kind === "") {
      add("report-kind", t("newReport.errors.kind"));
    }
    if (draft.receivedDate === "") {
      add("received-date", t("newReport.errors.receivedDate"));
    }
    if (draft.channel === "") {
      add("channel", t("newReport.errors.channel"));
    }
    if (draft.reporterCategory === "") {
      add("reporter-category", t("newReport.errors.reporterCategory"));
    }
    if (draft.municipalityCode === "") {
      add("municipality", t("newReport.errors.municipality"));
    }
    if (draft.narrative.trim() === "") {
      add("narrative", t("newReport.errors.narrative"));
    }
    return [...found, ...checkHousehold(t, draft.household, { addPersonId, withRelations: true })];
  }

  function problemForPath(path: string): FieldProblem {
    const household = householdProblemForPath(t, draft.household, path, addPersonId);
    if (household !== undefined) {
      return household;
    }
    const fieldId =
      reportFieldIds[path] ??
      (path.startsWith("violenceTypes") ? "violence-types" : undefined) ??
      "report-kind";
    const messages: Record<string, string> = {
      "report-kind": t("newReport.errors.kind"),
      "received-date": t("newReport.errors.receivedAt"),
      channel: t("newReport.errors.channel"),
      "reporter-category": t("newReport.errors.reporterCategory"),
      "reporter-sector": t("newReport.errors.reporterSector"),
      "reporter-name": t("newReport.errors.tooLong"),
      "reporter-organisation": t("newReport.errors.tooLong"),
      "reporter-contact": t("newReport.errors.tooLong"),
      municipality: t("newReport.errors.municipality"),
      "violence-types": t("newReport.errors.violenceTypes"),
      narrative: t("newReport.errors.narrative"),
    };
    return { fieldId, message: messages[fieldId] ?? t("forms.errors.invalid") };
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const required = checkRequired();
    const { kind, channel, reporterCategory } = draft;
    if (required.length > 0 || kind === "" || channel === "" || reporterCategory === "") {
      feedback.showProblems(sortProblems(required, draft));
      return;
    }
    const isProfessional = reporterCategory === "professional";
    const isAnonymous = reporterCategory === "anonymous";
    const isNonProfessional = reporterCategory !== "professional" && reporterCategory !== "police";
    const optional = (value: string) => (value.trim() === "" ? undefined : value.trim());
    const name = isAnonymous ? undefined : optional(draft.reporterName);
    const organisation = isAnonymous ? undefined : optional(draft.reporterOrganisation);
    const contact = isAnonymous ? undefined : optional(draft.reporterContact);
    const body: CreateReport = {
      kind,
      receivedAt: receivedAtOf(draft.receivedDate, draft.receivedTime),
      channel,
      reporter: {
        category: reporterCategory,
        ...(isProfessional && draft.reporterSector !== "" ? { sector: draft.reporterSector } : {}),
        ...(isNonProfessional && draft.reporterRelationship !== ""
          ? { relationship: draft.reporterRelationship }
          : {}),
        ...(name === undefined ? {} : { name }),
        ...(organisation === undefined ? {} : { organisation }),
        ...(contact === undefined ? {} : { contact }),
      },
      municipalityCode: draft.municipalityCode,
      persons: personsForRequest(draft.household.persons, true),
      relations: relationsForRequest(draft.household.relations),
      violenceTypes: draft.violenceTypes,
      narrative: draft.narrative.trim(),
      acuteConcern: draft.acuteConcern,
    };
    setBusy(true);
    feedback.clear();
    createReport(body).then(
      (created) => {
        setBusy(false);
        kept.discard();
        void navigate(`/meldingen/${created.id}`, { state: { created: created.reference } });
      },
      (failure: unknown) => {
        setBusy(false);
        const errors = validationErrorsOf(failure);
        if (errors !== undefined && errors.length > 0) {
          feedback.showProblems(
            sortProblems(
              errors.map((e) => problemForPath(e.path)),
              draft,
            ),
          );
          return;
        }
        feedback.showFailure(failure, { forbidden: t("newReport.errors.forbidden") });
      },
    );
  }

  const language = i18n.language === "en" ? "en" : "nl";
  const isProfessional = draft.reporterCategory === "professional";
  const isAnonymous = draft.reporterCategory === "anonymous";

  return (
    <form noValidate onSubmit={handleSubmit} className="schakel-form schakel-report-form">
      <RequiredFieldsNote />
      <ErrorSummary problems={problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      <KeptDraftNotice draft={kept} />
      <Paragraph>{t("newReport.intro")}</Paragraph>
      {prefill.status === "loaded" ? (
        <Alert type="info">
          <Paragraph>{t("intakeExtra.prefilled", { reference: prefill.reference ?? "" })}</Paragraph>
        </Alert>
      ) : null}
      {prefill.status === "failed" ? (
        <Alert type="warning">
          <Paragraph>{t("intakeExtra.prefillFailed")}</Paragraph>
        </Alert>
      ) : null}

      <section aria-labelledby="receipt-heading">
        <Heading2 id="receipt-heading">{t("newReport.receiptHeading")}</Heading2>
        <RadioGroupField
          id="report-kind"
          legend={t("newReport.kind")}
          value={draft.kind}
          onChange={(kind) => update({ kind })}
          options={(["report", "advice"] as const).map((value) => ({
            value,
            label: t(`reportKind.${value}`),
            description: t(`newReport.kindDescription.${value}`),
          }))}
          isRequired
          error={error("report-kind")}
        />
        <Fieldset className="schakel-fieldset">
          <FieldsetLegend>{t("newReport.received")}</FieldsetLegend>
          <div className="schakel-field-row">
            <TextField
              id="received-date"
              type="date"
              label={t("newReport.receivedDate")}
              value={draft.receivedDate}
              onChange={(receivedDate) => update({ receivedDate })}
              autoComplete="off"
              width="medium"
              required
              error={error("received-date")}
            />
            <TextField
              id="received-time"
              type="time"
              label={t("newReport.receivedTime")}
              value={draft.receivedTime}
              onChange={(receivedTime) => update({ receivedTime })}
              autoComplete="off"
              width="short"
              error={error("received-time")}
            />
          </div>
        </Fieldset>
        <SelectField
          id="channel"
          label={t("newReport.channel")}
          value={draft.channel}
          onChange={(channel) => update({ channel })}
          emptyOption={t("forms.choose")}
          options={channels.map((value) => ({ value, label: t(`channel.${value}`) }))}
          required
          error={error("channel")}
        />
      </section>

      <section aria-labelledby="reporter-heading" className="schakel-protected">
        <Heading2 id="reporter-heading">{t("newReport.reporterHeading")}</Heading2>
        <Paragraph className="schakel-protected__notice">
          <strong>{t("newReport.reporterProtected")}</strong>
        </Paragraph>
        <SelectField
          id="reporter-category"
          label={t("newReport.reporterCategory")}
          value={draft.reporterCategory}
          onChange={(reporterCategory) => update({ reporterCategory })}
          emptyOption={t("forms.choose")}
          options={reporterCategories.map((value) => ({ value, label: t(`reporterCategory.${value}`) }))}
          required
          error={error("reporter-category")}
        />
        {isProfessional ? (
          <SelectField
            id="reporter-sector"
            label={t("newReport.reporterSector")}
            value={draft.reporterSector}
            onChange={(reporterSector) => update({ reporterSector })}
            emptyOption={t("forms.choose")}
            options={sectors.map((value) => ({ value, label: t(`sector.${value}`) }))}
            error={error("reporter-sector")}
          />
        ) : null}
        {isProfessional ? <Paragraph>{t("intakeExtra.professionalNotAnonymous")}</Paragraph> : null}
        {draft.reporterCategory !== "" && !isProfessional && draft.reporterCategory !== "police" ? (
          <SelectField
            id="reporter-relationship"
            label={t("intakeExtra.reporterRelationship")}
            value={draft.reporterRelationship}
            onChange={(reporterRelationship) => update({ reporterRelationship })}
            emptyOption={t("forms.choose")}
            options={reporterRelationships.map((value) => ({
              value,
              label: t(`reporterRelationship.${value}`),
            }))}
          />
        ) : null}
        {isAnonymous ? (
          <>
            <Paragraph>{t("newReport.reporterAnonymous")}</Paragraph>
            <Paragraph>{t("intakeExtra.anonymousNothingStored")}</Paragraph>
          </>
        ) : (
          <>
            <TextField
              id="reporter-name"
              label={t("newReport.reporterName")}
              value={draft.reporterName}
              onChange={(reporterName) => update({ reporterName })}
              autoComplete="off"
              isProse
              maxLength={200}
              error={error("reporter-name")}
            />
            {isProfessional || draft.reporterCategory === "police" ? (
              <TextField
                id="reporter-organisation"
                label={t("newReport.reporterOrganisation")}
                value={draft.reporterOrganisation}
                onChange={(reporterOrganisation) => update({ reporterOrganisation })}
                autoComplete="off"
                isProse
                maxLength={200}
                error={error("reporter-organisation")}
              />
            ) : null}
            <TextField
              id="reporter-contact"
              label={t("newReport.reporterContact")}
              description={t("newReport.reporterContactDescription")}
              value={draft.reporterContact}
              onChange={(reporterContact) => update({ reporterContact })}
              autoComplete="off"
              maxLength={200}
              error={error("reporter-contact")}
            />
          </>
        )}
      </section>

      <section aria-labelledby="concern-heading">
        <Heading2 id="concern-heading">{t("newReport.concernHeading")}</Heading2>
        <SelectField
          id="municipality"
          label={t("newReport.municipality")}
          description={t("newReport.municipalityDescription")}
          value={draft.municipalityCode}
          onChange={(municipalityCode) => update({ municipalityCode })}
          emptyOption={t("forms.choose")}
          options={reference.municipalities.map((m) => ({ value: m.code, label: m.name }))}
          required
          error={error("municipality")}
        />
        <TextareaField
          id="narrative"
          label={t("newReport.narrative")}
          description={t("newReport.narrativeDescription")}
          value={draft.narrative}
          onChange={(narrative) => update({ narrative })}
          rows={8}
          maxLength={20_000}
          required
          error={error("narrative")}
        />
        <CheckboxField
          id="acute-concern"
          label={t("newReport.acuteConcern")}
          description={t("newReport.acuteConcernDescription")}
          checked={draft.acuteConcern}
          onChange={(acuteConcern) => update({ acuteConcern })}
          error={error("acute-concern")}
        />
        <CheckboxGroupField
          id="violence-types"
          legend={t("newReport.violenceTypes")}
          description={t("newReport.violenceTypesDescription")}
          values={draft.violenceTypes}
          onChange={(violenceTypes) => update({ violenceTypes })}
          groups={violenceTypeGroups(t, reference.violenceTypes, language)}
          error={error("violence-types")}
        />
      </section>

      <HouseholdEditor
        draft={draft.household}
        onChange={(household) => update({ household })}
        problems={problems}
        variant="intake"
        addPersonId={addPersonId}
      />

      <ButtonGroup className="schakel-form__submit">
        <Button type="submit" appearance="primary-action-button" busy={isBusy}>
          {t("newReport.submit")}
        </Button>
        <Link to="/meldingen" className="utrecht-link" onClick={kept.discard}>
          {t("newReport.cancel")}
        </Link>
      </ButtonGroup>
    </form>
  );
}
