import { Alert, Button, ButtonGroup, Heading2, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { restrainingOrderAdvices } from "../../../shared/intake";
import type { PoliceReport } from "../../../shared/intake-household";
import { type SubmittedReport, submitPoliceReport } from "../../api/intake-household";
import type { ReferenceData } from "../../api/reference";
import { useReferenceData } from "../../api/use-reference";
import { ErrorSummary } from "../../components/error-summary";
import { RequiredFieldsNote } from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import {
  CheckboxField,
  CheckboxGroupField,
  RadioGroupField,
  SelectField,
  TextareaField,
} from "../../components/form-fields";
import { HouseholdEditor } from "../../components/household-editor";
import { LoadFailed } from "../../components/load-failed";
import { LoadingMessage } from "../../components/loading-message";
import { PageHeading } from "../../components/page-heading";
import { TextField } from "../../components/text-field";
import { useDocumentTitle } from "../../components/use-document-title";
import {
  checkHousehold,
  emptyPerson,
  type HouseholdDraft,
  householdProblemForPath,
  personsForRequest,
  relationsForRequest,
} from "../../forms/household";
import { type FieldProblem, messageFor, validationErrorsOf } from "../../forms/problems";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { violenceTypeGroups } from "../../forms/violence-types";
import { can } from "../../session/capabilities";
import { useAuthenticatedUser } from "../../session/session-context";
import { NoAccessPage } from "../no-access-page";

type Advice = (typeof restrainingOrderAdvices)[number];

interface PoliceDraft {
  municipalityCode: string;
  incidentNumber: string;
  restrainingOrderAdvice: Advice | "";
  acuteConcern: boolean;
  narrative: string;
  violenceTypes: string[];
  contact: string;
  household: HouseholdDraft;
}

const addPersonId = "police-add-person";

const newDraft = (): PoliceDraft => ({
  municipalityCode: "",
  incidentNumber: "",
  restrainingOrderAdvice: "",
  acuteConcern: false,
  narrative: "",
  violenceTypes: [],
  contact: "",
  household: { persons: [emptyPerson("p1")], relations: [] },
});

const fieldIds: Record<string, string> = {
  municipalityCode: "police-municipality",
  incidentNumber: "police-incident-number",
  restrainingOrderAdvice: "police-advice",
  narrative: "police-narrative",
  contact: "police-contact",
  violenceTypes: "police-violence-types",
};

/**
 * The police liaison submits a report to the centre (police reports are more than half of all
 * reports): its incident number and restraining-order advice, what happened and the household.
 * It lands in the centre's intake queue like any report.
 */
export function PoliceReportPage() {
  const { t } = useTranslation();
  const user = useAuthenticatedUser();
  const { reference, reload } = useReferenceData();
  useDocumentTitle(t("police.page.title"));
  if (!can(user, "submitPoliceReports")) {
    return <NoAccessPage />;
  }
  return (
    <>
      <PageHeading>{t("police.page.title")}</PageHeading>
      {reference.status === "loading" ? <LoadingMessage /> : null}
      {reference.status === "failed" || reference.status === "not-found" ? (
        <LoadFailed error={reference.status === "failed" ? reference.error : undefined} onRetry={reload} />
      ) : null}
      {reference.status === "loaded" ? <PoliceReportForm reference={reference.data} /> : null}
    </>
  );
}

function PoliceReportForm({ reference }: { reference: ReferenceData }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<PoliceDraft>(newDraft);
  const [sent, setSent] = useState<SubmittedReport | null>(null);
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const error = (id: string) => messageFor(feedback.problems, id);
  const update = (change: Partial<PoliceDraft>) => setDraft((current) => ({ ...current, ...change }));

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const problems: FieldProblem[] = [];
    if (draft.municipalityCode === "") {
      problems.push({ fieldId: "police-municipality", message: t("newReport.errors.municipality") });
    }
    if (draft.incidentNumber.trim() === "") {
      problems.push({ fieldId: "police-incident-number", message: t("police.errors.incidentNumber") });
    }
    if (draft.restrainingOrderAdvice === "") {
      problems.push({ fieldId: "police-advice", message: t("police.errors.advice") });
    }
    if (draft.narrative.trim() === "") {
      problems.push({ fieldId: "police-narrative", message: t("newReport.errors.narrative") });
    }
    problems.push(...checkHousehold(t, draft.household, { addPersonId, withRelations: true }));
    if (problems.length > 0 || draft.restrainingOrderAdvice === "") {
      feedback.showProblems(problems);
      return;
    }
    const body: PoliceReport = {
      municipalityCode: draft.municipalityCode,
      incidentNumber: draft.incidentNumber.trim(),
      restrainingOrderAdvice: draft.restrainingOrderAdvice,
      acuteConcern: draft.acuteConcern,
      narrative: draft.narrative.trim(),
      violenceTypes: draft.violenceTypes,
      persons: personsForRequest(draft.household.persons, true),
      relations: relationsForRequest(draft.household.relations),
      ...(draft.contact.trim() === "" ? {} : { contact: draft.contact.trim() }),
    };
    setBusy(true);
    feedback.clear();
    submitPoliceReport(body).then(
      (answer) => {
        setBusy(false);
        setSent(answer);
        setDraft(newDraft());
      },
      (failure: unknown) => {
        setBusy(false);
        const errors = validationErrorsOf(failure);
        if (errors !== undefined && errors.length > 0) {
          feedback.showProblems(
            errors.map(
              (e) =>
                householdProblemForPath(t, draft.household, e.path, addPersonId) ?? {
                  fieldId: fieldIds[e.path.split(".")[0] ?? ""] ?? "police-narrative",
                  message: t("forms.errors.invalid"),
                },
            ),
          );
          return;
        }
        feedback.showFailure(failure, { forbidden: t("police.errors.forbidden") });
      },
    );
  }

  const language = i18n.language === "en" ? "en" : "nl";
  return (
    <form noValidate onSubmit={handleSubmit} className="schakel-form schakel-report-form">
      <RequiredFieldsNote />
      {sent === null ? null : (
        <Alert type="ok">
          <Paragraph>{t("police.page.sent", { reference: sent.reference })}</Paragraph>
          <Paragraph>
            <Link to="/" className="utrecht-link">
              {t("police.page.toStart")}
            </Link>
          </Paragraph>
        </Alert>
      )}
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      <Paragraph>{t("police.page.intro")}</Paragraph>
      <section aria-labelledby="police-incident-heading">
        <Heading2 id="police-incident-heading">{t("police.page.incidentHeading")}</Heading2>
        <TextField
          id="police-incident-number"
          label={t("police.page.incidentNumber")}
          description={t("police.page.incidentNumberDescription")}
          value={draft.incidentNumber}
          onChange={(incidentNumber) => update({ incidentNumber })}
          autoComplete="off"
          maxLength={40}
          width="medium"
          required
          error={error("police-incident-number")}
        />
        <RadioGroupField
          id="police-advice"
          legend={t("police.page.advice")}
          value={draft.restrainingOrderAdvice}
          onChange={(restrainingOrderAdvice) => update({ restrainingOrderAdvice })}
          options={restrainingOrderAdvices.map((value) => ({
            value,
            label: t(`restrainingOrderAdvice.${value}`),
          }))}
          isRequired
          error={error("police-advice")}
        />
        <SelectField
          id="police-municipality"
          label={t("newReport.municipality")}
          description={t("newReport.municipalityDescription")}
          value={draft.municipalityCode}
          onChange={(municipalityCode) => update({ municipalityCode })}
          emptyOption={t("forms.choose")}
          options={reference.municipalities.map((m) => ({ value: m.code, label: m.name }))}
          required
          error={error("police-municipality")}
        />
        <TextareaField
          id="police-narrative"
          label={t("police.page.narrative")}
          description={t("newReport.narrativeDescription")}
          value={draft.narrative}
          onChange={(narrative) => update({ narrative })}
          rows={6}
          maxLength={20_000}
          required
          error={error("police-narrative")}
        />
        <CheckboxField
          id="police-acute"
          label={t("newReport.acuteConcern")}
          description={t("newReport.acuteConcernDescription")}
          checked={draft.acuteConcern}
          onChange={(acuteConcern) => update({ acuteConcern })}
        />
        <CheckboxGroupField
          id="police-violence-types"
          legend={t("newReport.violenceTypes")}
          description={t("newReport.violenceTypesDescription")}
          values={draft.violenceTypes}
          onChange={(violenceTypes) => update({ violenceTypes })}
          groups={violenceTypeGroups(t, reference.violenceTypes, language)}
          error={error("police-violence-types")}
        />
        <TextField
          id="police-contact"
          label={t("police.page.contact")}
          description={t("police.page.contactDescription")}
          value={draft.contact}
          onChange={(contact) => update({ contact })}
          autoComplete="off"
          maxLength={200}
          error={error("police-contact")}
        />
      </section>
      <HouseholdEditor
        draft={draft.household}
        onChange={(household) => update({ household })}
        problems={feedback.problems}
        variant="intake"
        addPersonId={addPersonId}
      />
      <ButtonGroup className="schakel-form__submit">
        <Button type="submit" appearance="primary-action-button" busy={isBusy}>
          {t("police.page.submit")}
        </Button>
        <Link to="/" className="utrecht-link">
          {t("newReport.cancel")}
        </Link>
      </ButtonGroup>
    </form>
  );
}
