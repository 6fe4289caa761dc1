import {
  Alert,
  Button,
  ButtonGroup,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useEffect, useRef, useState } from "react";
import { Controller } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { phaseChangeSchema, phases } from "../../../shared/cases";
import { changePhase } from "../../api/cases";
import { ApiError } from "../../api/client";
import { ErrorSummary } from "../../components/error-summary";
import { RequiredFieldsNote } from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import { RadioGroupField, TextareaField } from "../../components/form-fields";
import { useSchemaForm } from "../../forms/use-schema-form";

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
  const [refusal, setRefusal] = useState<{ reasons: Blocker[]; occurrence: number } | null>(null);
  const { form, feedback, submit, errorOf, isBusy } = useSchemaForm({
    schema: phaseChangeSchema,
    defaultValues: { reason: "" },
    fields: {
      phase: { id: "phase-target", message: t("case.phaseForm.errors.target") },
      reason: { id: "phase-reason", message: t("case.phaseForm.errors.reason") },
    },
  });
  const currentIndex = phases.indexOf(current);
  const options = phases
    .filter((phase) => phase !== current)
    .map((phase) => ({
      value: phase,
      label: t(phases.indexOf(phase) > currentIndex ? "case.phaseForm.forward" : "case.phaseForm.back", {
        phase: t(`phase.${phase}`),
      }),
    }));

  const handleSubmit = submit(
    async (change) => {
      setRefusal(null);
      try {
        await changePhase(caseId, change);
      } catch (error) {
        const reasons =
          error instanceof ApiError && error.status === 409
            ? (error.problem?.errors ?? []).map((problem) => problem.message).filter(isBlocker)
            : [];
        if (reasons.length === 0) {
          throw error;
        }
        setRefusal((previous) => ({ reasons, occurrence: (previous?.occurrence ?? 0) + 1 }));
        return;
      }
      form.reset();
      onDone(change.phase);
    },
    { conflict: t("case.phaseForm.conflict") },
  );

  return (
    <form noValidate onSubmit={handleSubmit} className="schakel-form" id="phase-form">
      <RequiredFieldsNote />
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      {refusal === null ? null : (
        <PhaseRefusal reasons={refusal.reasons} caseId={caseId} occurrence={refusal.occurrence} />
      )}
      <Controller
        control={form.control}
        name="phase"
        render={({ field }) => (
          <RadioGroupField
            id="phase-target"
            legend={t("case.phaseForm.target")}
            description={t("case.phaseForm.rule")}
            value={field.value ?? ""}
            onChange={field.onChange}
            options={options}
            isRequired
            error={errorOf("phase")}
          />
        )}
      />
      <Controller
        control={form.control}
        name="reason"
        render={({ field }) => (
          <TextareaField
            id="phase-reason"
            label={t("case.reason")}
            value={field.value}
            onChange={field.onChange}
            rows={3}
            maxLength={2000}
            required
            error={errorOf("reason")}
          />
        )}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isBusy}>
          {t("case.phaseForm.submit")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
