import { Button, ButtonGroup } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { followUpOutcomes } from "../../../shared/cases";
import { type FollowUp, recordFollowUp } from "../../api/cases";
import { ErrorSummary } from "../../components/error-summary";
import { RequiredFieldsNote } from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import { RadioGroupField, TextareaField } from "../../components/form-fields";
import { messageFor } from "../../forms/problems";
import { useFormFeedback } from "../../forms/use-form-feedback";

type Outcome = (typeof followUpOutcomes)[number];

/** The outcome of one follow-up moment: safe, concerns, or new violence, with notes. */
export function FollowUpForm({
  followUp,
  onDone,
}: {
  followUp: FollowUp;
  onDone: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | "">("");
  const [notes, setNotes] = useState("");
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const id = (field: string) => `follow-up-${followUp.id}-${field}`;

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    if (outcome === "") {
      feedback.showProblems([{ fieldId: id("outcome"), message: t("case.followUps.errors.outcome") }]);
      return;
    }
    setBusy(true);
    feedback.clear();
    recordFollowUp(followUp.id, { outcome, ...(notes.trim() === "" ? {} : { notes: notes.trim() }) }).then(
      () => {
        setBusy(false);
        onDone(outcome);
      },
      (error: unknown) => {
        setBusy(false);
        feedback.showFailure(error, {
          conflict: t("case.followUps.conflict"),
          forbidden: t("case.followUps.forbidden"),
        });
      },
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="schakel-form">
      <RequiredFieldsNote />
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      <RadioGroupField
        id={id("outcome")}
        legend={t("case.followUps.outcome", { count: followUp.monthsAfterClosure })}
        value={outcome}
        onChange={setOutcome}
        options={followUpOutcomes.map((value) => ({ value, label: t(`followUpOutcome.${value}`) }))}
        isRequired
        error={messageFor(feedback.problems, id("outcome"))}
      />
      <TextareaField
        id={id("notes")}
        label={t("case.followUps.notes")}
        value={notes}
        onChange={setNotes}
        rows={3}
        maxLength={5000}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isBusy}>
          {t("case.followUps.submit", { count: followUp.monthsAfterClosure })}
        </Button>
      </ButtonGroup>
    </form>
  );
}
