import { Button, ButtonGroup, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { keepingRoutes, keepReasons } from "../../../shared/centre-work";
import { type HouseholdChoice, type ReportDetail, routes, type TriageInput } from "../../../shared/intake";
import type { ReportHousehold } from "../../../shared/intake-household";
import type { Organisation } from "../../../shared/reference";
import { ApiError } from "../../api/client";
import { triageReport } from "../../api/intake";
import { ErrorSummary } from "../../components/error-summary";
import { RequiredFieldsNote } from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import { RadioGroupField, SelectField, TextareaField } from "../../components/form-fields";
import { KeptDraftNotice } from "../../components/kept-draft-notice";
import { type FieldProblem, messageFor, validationErrorsOf } from "../../forms/problems";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { useKeptDraft } from "../../forms/use-kept-draft";

type Route = (typeof routes)[number];

/** The kinds of organisation a case can be handed to: care and safety partners (as the server allows). */
const handoverKinds = new Set(["local-team", "mda-team", "shelter", "child-protection", "police", "other"]);

/**
 * The triage: the route that follows from the safety assessment, its rationale and, for a
 * handover, the organisation that takes over. Before an assessment the server refuses (409) and
 * the form says why.
 */
export function TriageForm({
  report,
  organisations,
  ownOrganisationId,
  household,
  onTriaged,
  onHouseholdChanged,
}: {
  report: ReportDetail;
  organisations: Organisation[];
  ownOrganisationId: string;
  /** The household's cases; when a choice is required the form asks it (the server insists). */
  household?: ReportHousehold | undefined;
  onTriaged: (caseId: string | undefined) => void;
  onHouseholdChanged?: () => void;
}) {
  const { t } = useTranslation();
  const [route, setRoute] = useState<Route | "">("");
  const [organisationId, setOrganisationId] = useState("");
  const [rationale, setRationale] = useState("");
  const [keepReason, setKeepReason] = useState<(typeof keepReasons)[number] | "">("");
  const centreKeeps = (keepingRoutes as readonly string[]).includes(route);
  const householdCases = household?.decisionRequired ? household.cases : [];
  const [householdCaseId, setHouseholdCaseId] = useState(householdCases[0]?.caseId ?? "");
  const chosenCase = householdCases.find((c) => c.caseId === householdCaseId) ?? householdCases[0];
  const [decision, setDecision] = useState<HouseholdChoice["decision"] | "">(
    chosenCase?.suggestedDecision ?? "",
  );
  const [linkReason, setLinkReason] = useState("");
  const asksHousehold = householdCases.length > 0 && route !== "" && route !== "close-with-advice";
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const kept = useKeptDraft(
    `triage:${report.id}`,
    { route, organisationId, rationale, keepReason, householdCaseId, decision, linkReason },
    (saved) => {
      setRoute(saved.route);
      setOrganisationId(saved.organisationId);
      setRationale(saved.rationale);
      setKeepReason(saved.keepReason);
      setHouseholdCaseId(saved.householdCaseId);
      setDecision(saved.decision);
      setLinkReason(saved.linkReason);
    },
  );
  const needsOrganisation = route === "handover";
  const offersOrganisation = route === "handover" || route === "mda";

  const targets = organisations
    .filter((organisation) => handoverKinds.has(organisation.kind) && organisation.id !== ownOrganisationId)
    .filter((organisation) => route !== "mda" || organisation.kind === "mda-team")
    .map((organisation) => ({ value: organisation.id, label: organisation.name }));

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const problems: FieldProblem[] = [];
    if (route === "") {
      problems.push({ fieldId: "triage-route", message: t("triage.errors.route") });
    }
    if (needsOrganisation && organisationId === "") {
      problems.push({ fieldId: "triage-organisation", message: t("triage.errors.organisation") });
    }
    if (centreKeeps && keepReason === "") {
      problems.push({ fieldId: "triage-keep-reason", message: t("centreWork.errors.keepReason") });
    }
    if (rationale.trim() === "") {
      problems.push({ fieldId: "triage-rationale", message: t("triage.errors.rationale") });
    }
    if (asksHousehold && decision === "") {
      problems.push({ fieldId: "triage-household", message: t("intakeHousehold.errors.decision") });
    }
    if (asksHousehold && decision === "linked-case" && linkReason.trim() === "") {
      problems.push({ fieldId: "triage-household-reason", message: t("intakeHousehold.errors.reason") });
    }
    if (problems.length > 0 || route === "") {
      feedback.showProblems(problems);
      return;
    }
    const body: TriageInput = {
      route,
      rationale: rationale.trim(),
      ...(offersOrganisation && organisationId !== "" ? { toOrganisationId: organisationId } : {}),
      ...(centreKeeps && keepReason !== "" ? { keepReason } : {}),
      ...(asksHousehold && chosenCase !== undefined && decision !== ""
        ? {
            household: {
              decision,
              caseId: chosenCase.caseId,
              ...(decision === "linked-case" ? { reason: linkReason.trim() } : {}),
            },
          }
        : {}),
    };
    setBusy(true);
    feedback.clear();
    triageReport(report.id, body).then(
      (answer) => {
        setBusy(false);
        kept.discard();
        onTriaged(answer.caseId);
      },
      (error: unknown) => {
        setBusy(false);
        const errors = validationErrorsOf(error);
        if (errors !== undefined && errors.length > 0) {
          feedback.showProblems(
            errors.map(({ path }) =>
              path.startsWith("household")
                ? { fieldId: "triage-household", message: t("intakeHousehold.errors.decision") }
                : path.startsWith("toOrganisationId")
                  ? { fieldId: "triage-organisation", message: t("triage.errors.organisationInvalid") }
                  : path.startsWith("rationale")
                    ? { fieldId: "triage-rationale", message: t("triage.errors.rationale") }
                    : path.startsWith("keepReason")
                      ? { fieldId: "triage-keep-reason", message: t("centreWork.errors.keepReason") }
                      : { fieldId: "triage-route", message: t("triage.errors.route") },
            ),
          );
          return;
        }
        let conflict = t("triage.errors.conflict");
        if (error instanceof ApiError && error.hasType("/assessment-required")) {
          conflict = t("triage.errors.assessmentRequired");
        } else if (error instanceof ApiError && error.hasType("/crisis-needs-acute-unsafety")) {
          conflict = t("centreWork.errors.crisisNeedsAcute");
        } else if (error instanceof ApiError && error.hasType("/household-decision-required")) {
          // Someone linked or matched meanwhile: the page reloads the household and asks.
          conflict = t("intakeHousehold.errors.required");
          onHouseholdChanged?.();
        } else if (report.kind === "advice") {
          conflict = t("triage.errors.adviceOnlyClose");
        }
        feedback.showFailure(error, { conflict });
      },
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="schakel-form">
      <RequiredFieldsNote />
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      <KeptDraftNotice draft={kept} />
      {report.assessment === undefined ? <Paragraph>{t("triage.assessmentFirst")}</Paragraph> : null}
      <RadioGroupField
        id="triage-route"
        legend={t("triage.route")}
        value={route}
        onChange={setRoute}
        options={routes.map((value) => ({
          value,
          label: t(`route.${value}`),
          description: t(`routeDescription.${value}`),
        }))}
        isRequired
        error={messageFor(feedback.problems, "triage-route")}
      />
      {asksHousehold ? (
        <>
          {householdCases.length > 1 ? (
            <SelectField
              id="triage-household-case"
              label={t("intakeHousehold.caseChoice")}
              value={householdCaseId}
              onChange={(value) => {
                setHouseholdCaseId(value);
                setDecision(householdCases.find((c) => c.caseId === value)?.suggestedDecision ?? "");
              }}
              options={householdCases.map((c) => ({ value: c.caseId, label: c.reference }))}
            />
          ) : null}
          <RadioGroupField
            id="triage-household"
            legend={t("intakeHousehold.choiceLegend", { reference: chosenCase?.reference ?? "" })}
            value={decision}
            onChange={setDecision}
            options={(["join", "linked-case"] as const).map((value) => ({
              value,
              label: t(
                value === "join"
                  ? chosenCase?.status === "closed"
                    ? "intakeHousehold.choice.reopen"
                    : "intakeHousehold.choice.join"
                  : "intakeHousehold.choice.linked-case",
              ),
              description: t(`intakeHousehold.choiceDescription.${value}`),
            }))}
            isRequired
            error={messageFor(feedback.problems, "triage-household")}
          />
          {decision === "linked-case" ? (
            <TextareaField
              id="triage-household-reason"
              label={t("intakeHousehold.reason")}
              description={t("intakeHousehold.reasonDescription")}
              value={linkReason}
              onChange={setLinkReason}
              rows={3}
              maxLength={2000}
              required
              error={messageFor(feedback.problems, "triage-household-reason")}
            />
          ) : null}
        </>
      ) : null}
      {offersOrganisation ? (
        <SelectField
          id="triage-organisation"
          label={t(route === "mda" ? "triage.mdaTeam" : "triage.organisation")}
          description={t(route === "mda" ? "triage.mdaTeamDescription" : "triage.organisationDescription")}
          value={organisationId}
          onChange={setOrganisationId}
          emptyOption={t(route === "mda" ? "triage.defaultMdaTeam" : "forms.choose")}
          options={targets}
          required={needsOrganisation}
          error={messageFor(feedback.problems, "triage-organisation")}
        />
      ) : null}
      {centreKeeps ? (
        <RadioGroupField
          id="triage-keep-reason"
          legend={t("centreWork.keepReasonLabel")}
          description={t("centreWork.keepReasonDescription")}
          value={keepReason}
          onChange={setKeepReason}
          options={keepReasons.map((value) => ({ value, label: t(`centreWork.keepReason.${value}`) }))}
          isRequired
          error={messageFor(feedback.problems, "triage-keep-reason")}
        />
      ) : null}
      <TextareaField
        id="triage-rationale"
        label={t("triage.rationale")}
        description={t("triage.rationaleDescription")}
        value={rationale}
        onChange={setRationale}
        rows={4}
        maxLength={10_000}
        required
        error={messageFor(feedback.problems, "triage-rationale")}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isBusy}>
          {t("triage.submit")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
