import { Button, ButtonGroup, Fieldset, FieldsetLegend, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Organisation } from "../../../shared/reference";
import { proposeHandover } from "../../api/cases";
import { ErrorSummary } from "../../components/error-summary";
import { RequiredFieldsNote } from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import { RadioGroupField, SelectField, TextareaField } from "../../components/form-fields";
import { TextField } from "../../components/text-field";
import { type FieldProblem, messageFor, validationErrorsOf } from "../../forms/problems";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { isValidDate } from "./plan/plan-draft";

/** The instant of a warm handover from the local date and time fields (the worker's own clock). */
function warmHandoverAtOf(date: string, time: string): string | undefined {
  if (date === "") {
    return undefined;
  }
  const instant = new Date(`${date}T${time === "" ? "09:00" : time}`);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

/**
 * Proposing to hand the case to another organisation, with a note and an optional warm-handover
 * meeting. The receiver may read the case while it decides; this organisation stays involved
 * and responsible until it accepts.
 */
export function HandoverForm({
  caseId,
  targets,
  onDone,
}: {
  caseId: string;
  targets: Organisation[];
  onDone: (organisationId: string) => void;
}) {
  const { t } = useTranslation();
  const [organisationId, setOrganisationId] = useState("");
  const [note, setNote] = useState("");
  const [date, setDate] = useState("");
  const [time, setTime] = useState("");
  const [senderPart, setSenderPart] = useState<"continues" | "ends">("continues");
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const problems: FieldProblem[] = [];
    if (organisationId === "") {
      problems.push({
        fieldId: "handover-organisation",
        message: t("case.handoverForm.errors.organisation"),
      });
    }
    if (note.trim() === "") {
      problems.push({ fieldId: "handover-note", message: t("case.handoverForm.errors.note") });
    }
    if (date !== "" && !isValidDate(date)) {
      problems.push({ fieldId: "handover-date", message: t("case.handoverForm.errors.date") });
    }
    if (date === "" && time !== "") {
      problems.push({ fieldId: "handover-date", message: t("case.handoverForm.errors.dateForTime") });
    }
    if (problems.length > 0) {
      feedback.showProblems(problems);
      return;
    }
    const warmHandoverAt = warmHandoverAtOf(date, time);
    setBusy(true);
    feedback.clear();
    proposeHandover(caseId, {
      toOrganisationId: organisationId,
      note: note.trim(),
      ...(warmHandoverAt === undefined ? {} : { warmHandoverAt }),
      senderPart,
    }).then(
      () => {
        setBusy(false);
        setOrganisationId("");
        setNote("");
        setDate("");
        setTime("");
        onDone(organisationId);
      },
      (error: unknown) => {
        setBusy(false);
        const errors = validationErrorsOf(error);
        if (errors !== undefined) {
          feedback.showProblems(
            errors.map(({ path }) =>
              path.startsWith("toOrganisationId")
                ? { fieldId: "handover-organisation", message: t("case.handoverForm.errors.organisation") }
                : path.startsWith("warmHandoverAt")
                  ? { fieldId: "handover-date", message: t("case.handoverForm.errors.date") }
                  : { fieldId: "handover-note", message: t("case.handoverForm.errors.note") },
            ),
          );
          return;
        }
        feedback.showFailure(error, { conflict: t("case.handoverForm.conflict") });
      },
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="schakel-form">
      <RequiredFieldsNote />
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      <Paragraph>{t("case.handoverForm.intro")}</Paragraph>
      <SelectField
        id="handover-organisation"
        label={t("case.handoverForm.organisation")}
        value={organisationId}
        onChange={setOrganisationId}
        emptyOption={t("forms.choose")}
        options={targets.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
        required
        error={messageFor(feedback.problems, "handover-organisation")}
      />
      <TextareaField
        id="handover-note"
        label={t("case.handoverForm.note")}
        description={t("case.handoverForm.noteDescription")}
        value={note}
        onChange={setNote}
        rows={4}
        maxLength={5000}
        required
        error={messageFor(feedback.problems, "handover-note")}
      />
      <RadioGroupField
        id="handover-sender-part"
        legend={t("caseRules.senderPart")}
        value={senderPart}
        onChange={setSenderPart}
        options={[
          { value: "continues", label: t("caseRules.senderPartContinues") },
          { value: "ends", label: t("caseRules.senderPartEnds") },
        ]}
      />
      <Fieldset className="schakel-fieldset">
        <FieldsetLegend>{t("case.handoverForm.warm")}</FieldsetLegend>
        <Paragraph>{t("case.handoverForm.warmDescription")}</Paragraph>
        <div className="schakel-field-row">
          <TextField
            id="handover-date"
            type="date"
            label={t("case.handoverForm.date")}
            value={date}
            onChange={setDate}
            autoComplete="off"
            width="medium"
            error={messageFor(feedback.problems, "handover-date")}
          />
          <TextField
            id="handover-time"
            type="time"
            label={t("case.handoverForm.time")}
            value={time}
            onChange={setTime}
            autoComplete="off"
            width="short"
          />
        </div>
      </Fieldset>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isBusy}>
          {t("case.handoverForm.submit")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
