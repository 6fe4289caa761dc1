import {
  Alert,
  Button,
  ButtonGroup,
  Heading1,
  Heading2,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type PublicReport, reportKinds, sectors } from "../../shared/intake";
import { createPublicReport } from "../api/intake";
import type { ReferenceData } from "../api/reference";
import { useReferenceData } from "../api/use-reference";
import { ErrorSummary } from "../components/error-summary";
import { RequiredFieldsNote } from "../components/field-parts";
import { FormFailure } from "../components/form-failure";
import { CheckboxField, RadioGroupField, SelectField, TextareaField } from "../components/form-fields";
import { HouseholdEditor } from "../components/household-editor";
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
  householdToSend,
  personsForRequest,
} from "../forms/household";
import { type FieldProblem, messageFor, validationErrorsOf } from "../forms/problems";
import { useFormFeedback } from "../forms/use-form-feedback";

const publicCategories = ["resident", "self", "professional", "anonymous"] as const;
type PublicCategory = (typeof publicCategories)[number];
type ReportKind = (typeof reportKinds)[number];
type Sector = (typeof sectors)[number];

const addPersonId = "public-add-person";

interface PublicDraft {
  kind: ReportKind | "";
  category: PublicCategory | "";
  sector: Sector | "";
  name: string;
  organisation: string;
  contact: string;
  municipalityCode: string;
  narrative: string;
  acuteConcern: boolean;
  household: HouseholdDraft;
}

const fieldIds: Record<string, string> = {
  kind: "public-kind",
  reporter: "public-category",
  "reporter.category": "public-category",
  "reporter.sector": "public-sector",
  "reporter.name": "public-name",
  "reporter.organisation": "public-organisation",
  "reporter.contact": "public-contact",
  municipalityCode: "public-municipality",
  narrative: "public-narrative",
  acuteConcern: "public-acute",
};

/**
 * The public form (/melden): anyone worried about someone sends an advice request or report
 * without an account, in plain Dutch. The answer shows only the reference, and what happens next.
 */
export function PublicReportPage() {
  const { t } = useTranslation();
  const { reference, reload } = useReferenceData();
  const [receivedReference, setReceivedReference] = useState<string | null>(null);
  useDocumentTitle(t(receivedReference === null ? "publicReport.title" : "publicReport.receivedTitle"));

  return (
    <div className="schakel-public">
      {receivedReference === null ? (
        <>
          <PageHeading>{t("publicReport.heading")}</PageHeading>
          <EmergencyNotice />
          <Paragraph>{t("publicReport.intro")}</Paragraph>
          {reference.status === "loading" ? <LoadingMessage /> : null}
          {reference.status === "failed" || reference.status === "not-found" ? (
            <LoadFailed
              error={reference.status === "failed" ? reference.error : undefined}
              onRetry={reload}
            />
          ) : null}
          {reference.status === "loaded" ? (
            <PublicReportForm reference={reference.data} onSent={setReceivedReference} />
          ) : null}
        </>
      ) : (
        <Received reference={receivedReference} />
      )}
    </div>
  );
}

function EmergencyNotice() {
  const { t } = useTranslation();
  return (
    <Alert type="warning">
      <Paragraph>
        <strong>{t("publicReport.emergency")}</strong>
      </Paragraph>
      <Paragraph>{t("publicReport.adviceLine")}</Paragraph>
    </Alert>
  );
}

function Received({ reference }: { reference: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <>
      <Heading1 ref={ref} tabIndex={-1} className="schakel-page-heading">
        {t("publicReport.receivedHeading")}
      </Heading1>
      <Alert type="ok">
        <Paragraph>
          {t("publicReport.receivedText")}{" "}
          <strong className="schakel-reference">{t("publicReport.referenceLabel", { reference })}</strong>
        </Paragraph>
      </Alert>
      <Paragraph>{t("publicReport.keepReference")}</Paragraph>
      <Heading2>{t("publicReport.nextHeading")}</Heading2>
      <OrderedList>
        <OrderedListItem>{t("publicReport.next.read")}</OrderedListItem>
        <OrderedListItem>{t("publicReport.next.contact")}</OrderedListItem>
        <OrderedListItem>{t("publicReport.next.privacy")}</OrderedListItem>
      </OrderedList>
      <EmergencyNotice />
      <Paragraph>
        <Link to="/inloggen" className="utrecht-link">
          {t("publicReport.toLogin")}
        </Link>
      </Paragraph>
    </>
  );
}

function PublicReportForm({
  reference,
  onSent,
}: {
  reference: ReferenceData;
  onSent: (reference: string) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PublicDraft>({
    kind: "",
    category: "",
    sector: "",
    name: "",
    organisation: "",
    contact: "",
    municipalityCode: "",
    narrative: "",
    acuteConcern: false,
    household: { persons: [emptyPerson("p1")], relations: [] },
  });
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const { problems } = feedback;
  const error = (fieldId: string) => messageFor(problems, fieldId);

  function update(change: Partial<PublicDraft>): void {
    setDraft((current) => ({ ...current, ...change }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const found: FieldProblem[] = [];
    if (draft.kind === "") {
      found.push({ fieldId: "public-kind", message: t("publicReport.errors.kind") });
    }
    if (draft.category === "") {
      found.push({ fieldId: "public-category", message: t("publicReport.errors.category") });
    }
    if (draft.municipalityCode === "") {
      found.push({ fieldId: "public-municipality", message: t("publicReport.errors.municipality") });
    }
    if (draft.narrative.trim() === "") {
      found.push({ fieldId: "public-narrative", message: t("publicReport.errors.narrative") });
    }
    // A row left blank is neither checked nor sent; problems name persons by their place in the form.
    const household = householdToSend(draft.household);
    const sent = new Set(household.persons.map((person) => person.key));
    const skipped = draft.household.persons.filter((person) => !sent.has(person.key));
    found.push(
      ...checkHousehold(t, draft.household, { addPersonId, withRelations: false }).filter(
        (problem) => !skipped.some((person) => problem.fieldId.startsWith(`person-${person.key}-`)),
      ),
    );
    const { kind, category } = draft;
    if (found.length > 0 || kind === "" || category === "") {
      feedback.showProblems(found);
      return;
    }
    const isAnonymous = category === "anonymous";
    const optional = (value: string) => (isAnonymous || value.trim() === "" ? undefined : value.trim());
    const name = optional(draft.name);
    const organisation = category === "professional" ? optional(draft.organisation) : undefined;
    const contact = optional(draft.contact);
    const body: PublicReport = {
      kind,
      reporter: {
        category,
        ...(category === "professional" && draft.sector !== "" ? { sector: draft.sector } : {}),
        ...(name === undefined ? {} : { name }),
        ...(organisation === undefined ? {} : { organisation }),
        ...(contact === undefined ? {} : { contact }),
      },
      municipalityCode: draft.municipalityCode,
      persons: personsForRequest(household.persons, false),
      relations: [],
      violenceTypes: [],
      narrative: draft.narrative.trim(),
      acuteConcern: draft.acuteConcern,
    };
    setBusy(true);
    feedback.clear();
    createPublicReport(body).then(
      (answer) => {
        setBusy(false);
        onSent(answer.reference);
      },
      (failure: unknown) => {
        setBusy(false);
        const errors = validationErrorsOf(failure);
        if (errors !== undefined && errors.length > 0) {
          feedback.showProblems(
            errors.map(({ path }) => {
              // The server counts only the persons sent; the form counts every row.
              const formPath = path.replace(/^persons\.(\d+)/, (whole, index: string) => {
                const person = household.persons[Number(index)];
                return person === undefined ? whole : `persons.${draft.household.persons.indexOf(person)}`;
              });
              const personProblem = householdProblemForPath(t, draft.household, formPath, addPersonId);
              if (personProblem !== undefined) {
                return personProblem;
              }
              const fieldId = fieldIds[path] ?? "public-narrative";
              return { fieldId, message: t("publicReport.errors.invalid") };
            }),
          );
          return;
        }
        feedback.showFailure(failure, {
          "too-many": t("publicReport.errors.tooMany"),
          network: t("publicReport.errors.network"),
          server: t("publicReport.errors.server"),
        });
      },
    );
  }

  const isAnonymous = draft.category === "anonymous";
  const isProfessional = draft.category === "professional";

  return (
    <form noValidate onSubmit={handleSubmit} className="schakel-form">
      <RequiredFieldsNote />
      <ErrorSummary problems={problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />

      <RadioGroupField
        id="public-kind"
        legend={t("publicReport.kind")}
        value={draft.kind}
        onChange={(kind) => update({ kind })}
        options={reportKinds.map((value) => ({
          value,
          label: t(`publicReport.kindOption.${value}`),
          description: t(`publicReport.kindDescription.${value}`),
        }))}
        isRequired
        error={error("public-kind")}
      />

      <section aria-labelledby="public-about-you" className="schakel-section">
        <Heading2 id="public-about-you">{t("publicReport.aboutYou")}</Heading2>
        <RadioGroupField
          id="public-category"
          legend={t("publicReport.category")}
          value={draft.category}
          onChange={(category) => update({ category })}
          options={publicCategories.map((value) => ({
            value,
            label: t(`publicReport.categoryOption.${value}`),
          }))}
          isRequired
          error={error("public-category")}
        />
        {isProfessional ? (
          <>
            <Paragraph>{t("publicReport.professionalNote")}</Paragraph>
            <SelectField
              id="public-sector"
              label={t("publicReport.sector")}
              value={draft.sector}
              onChange={(sector) => update({ sector })}
              emptyOption={t("forms.choose")}
              options={sectors.map((value) => ({ value, label: t(`sector.${value}`) }))}
              error={error("public-sector")}
            />
          </>
        ) : null}
        {isAnonymous ? (
          <>
            <Paragraph>{t("publicReport.anonymousNote")}</Paragraph>
            <Paragraph>{t("intakeExtra.anonymousNothingStored")}</Paragraph>
          </>
        ) : (
          <>
            <Paragraph>{t("publicReport.identityNote")}</Paragraph>
            <TextField
              id="public-name"
              label={t("publicReport.name")}
              value={draft.name}
              onChange={(name) => update({ name })}
              autoComplete="name"
              isProse
              maxLength={200}
              error={error("public-name")}
            />
            {isProfessional ? (
              <TextField
                id="public-organisation"
                label={t("publicReport.organisation")}
                value={draft.organisation}
                onChange={(organisation) => update({ organisation })}
                autoComplete="organization"
                isProse
                maxLength={200}
                error={error("public-organisation")}
              />
            ) : null}
            <TextField
              id="public-contact"
              label={t("publicReport.contact")}
              description={t("publicReport.contactDescription")}
              value={draft.contact}
              onChange={(contact) => update({ contact })}
              autoComplete="tel"
              maxLength={200}
              error={error("public-contact")}
            />
          </>
        )}
      </section>

      <section aria-labelledby="public-what" className="schakel-section">
        <Heading2 id="public-what">{t("publicReport.whatHeading")}</Heading2>
        <SelectField
          id="public-municipality"
          label={t("publicReport.municipality")}
          value={draft.municipalityCode}
          onChange={(municipalityCode) => update({ municipalityCode })}
          emptyOption={t("forms.choose")}
          options={reference.municipalities.map((m) => ({ value: m.code, label: m.name }))}
          required
          error={error("public-municipality")}
        />
        <TextareaField
          id="public-narrative"
          label={t("publicReport.narrative")}
          description={t("publicReport.narrativeDescription")}
          value={draft.narrative}
          onChange={(narrative) => update({ narrative })}
          rows={8}
          maxLength={20_000}
          required
          error={error("public-narrative")}
        />
        <CheckboxField
          id="public-acute"
          label={t("publicReport.acute")}
          description={t("publicReport.acuteDescription")}
          checked={draft.acuteConcern}
          onChange={(acuteConcern) => update({ acuteConcern })}
        />
      </section>

      <HouseholdEditor
        draft={draft.household}
        onChange={(household) => update({ household })}
        problems={problems}
        variant="public"
        addPersonId={addPersonId}
      />

      <ButtonGroup className="schakel-form__submit">
        <Button type="submit" appearance="primary-action-button" busy={isBusy}>
          {t("publicReport.submit")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
