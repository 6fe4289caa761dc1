import {
  Alert,
  Button,
  ButtonGroup,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { phases } from "../../../shared/cases";
import { changePhase } from "../../api/cases";
import { ApiError } from "../../api/client";
import { ErrorSummary } from "../../components/error-summary";
import { RequiredFieldsNote } from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import { RadioGroupField, TextareaField } from "../../components/form-fields";
import { type FieldProblem, messageFor, validationErrorsOf } from "../../forms/problems";
import { useFormFeedback } from "../../forms/use-form-feedback";

type Phase = (typeof phases)[number];

/** The reasons the server gives (API.md) for refusing to leave the safety phase. */
const blockers = ["acute-unsafety-open", "no-safety-condition", "safety-conditions-unmet"] as const;
type Blocker = (typeof blockers)[number];
const isBlocker = (value: string): value is Blocker => (blockers as readonly string[]).includes(value);

/** Why the case may not move on (a 409), in the reader's language, with a way to put it right. */
function PhaseRefusal({
  reasons,
  caseId,
  occurrence,
}: {
  reasons: Blocker[];
  caseId: string;
  occurrence: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (occurrence > 0) {
      ref.current?.focus();
    }
  }, [occurrence]);
  return (
    <div ref={ref} tabIndex={-1} className="schakel-form-failure">
      <Alert type="error">
        <Paragraph>{t("case.phaseForm.refused")}</Paragraph>
        <UnorderedList>
          {reasons.map((reason) => (
            <UnorderedListItem key={reason}>{t(`case.phaseForm.blockers.${reason}`)}</UnorderedListItem>
          ))}
        </UnorderedList>
        {reasons.some((reason) => reason !== "acute-unsafety-open") ? (
          <Paragraph>
            <Link to={`/zaken/${caseId}/plan`} className="utrecht-link">
              {t("case.phaseForm.toPlan")}
            </Link>
          </Paragraph>
        ) : null}
      </Alert>
    </div>
  );
}

/**
 * Moving the case to another phase, with the reason. Moving back is always allowed; moving on
 * from safety needs the plan's safety conditions met and no open acute unsafety — the server
 * decides, and a refusal lists its reasons.
 */
export function PhaseForm({
  caseId,
  current,
  onDone,
}: {
  caseId: string;
  current: Phase;
  onDone: (phase: Phase) => void;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<Phase | "">("");
  const [reason, setReason] = useState("");
  const [isBusy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ reasons: Blocker[]; occurrence: number } | null>(null);
  const feedback = useFormFeedback();
  const currentIndex = phases.indexOf(current);
  const options = phases
    .filter((phase) => phase !== current)
    .map((phase) => ({
      value: phase,
      label: t(phases.indexOf(phase) > currentIndex ? "case.phaseForm.forward" : "case.phaseForm.back", {
        phase: t(`phase.${phase}`),
      }),
    }));

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const problems: FieldProblem[] = [];
    if (target === "") {
      problems.push({ fieldId: "phase-target", message: t("case.phaseForm.errors.target") });
    }
    if (reason.trim() === "") {
      problems.push({ fieldId: "phase-reason", message: t("case.phaseForm.errors.reason") });
    }
    if (problems.length > 0 || target === "") {
      setRefusal(null);
      feedback.showProblems(problems);
      return;
    }
    setBusy(true);
    feedback.clear();
    setRefusal(null);
    changePhase(caseId, { phase: target, reason: reason.trim() }).then(
      () => {
        setBusy(false);
        setTarget("");
        setReason("");
        onDone(target);
      },
      (error: unknown) => {
        setBusy(false);
        const reasons =
          error instanceof ApiError && error.status === 409
            ? (error.problem?.errors ?? []).map((problem) => problem.message).filter(isBlocker)
            : [];
        if (reasons.length > 0) {
          setRefusal((previous) => ({ reasons, occurrence: (previous?.occurrence ?? 0) + 1 }));
          return;
        }
        if (validationErrorsOf(error) !== undefined) {
          feedback.showProblems([{ fieldId: "phase-reason", message: t("case.phaseForm.errors.reason") }]);
          return;
        }
        feedback.showFailure(error, { conflict: t("case.phaseForm.conflict") });
      },
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="schakel-form" id="phase-form">
      <RequiredFieldsNote />
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      {refusal === null ? null : (
        <PhaseRefusal reasons={refusal.reasons} caseId={caseId} occurrence={refusal.occurrence} />
      )}
      <RadioGroupField
        id="phase-target"
        legend={t("case.phaseForm.target")}
        description={t("case.phaseForm.rule")}
        value={target}
        onChange={setTarget}
        options={options}
        isRequired
        error={messageFor(feedback.problems, "phase-target")}
      />
      <TextareaField
        id="phase-reason"
        label={t("case.reason")}
        value={reason}
        onChange={setReason}
        rows={3}
        maxLength={2000}
        required
        error={messageFor(feedback.problems, "phase-reason")}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isBusy}>
          {t("case.phaseForm.submit")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
