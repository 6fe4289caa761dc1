import { Button, ButtonGroup } from "@utrecht/component-library-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { ErrorSummary } from "../../components/error-summary";
import { RequiredFieldsNote } from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import { TextareaField } from "../../components/form-fields";
import { type FailureKind, messageFor, validationErrorsOf } from "../../forms/problems";
import { useFormFeedback } from "../../forms/use-form-feedback";

/**
 * A change to a case that needs only a reason (escalation, closure, reopening, declining a
 * handover): the reason field, a submit button, and the error summary and failure conventions.
 */
export function ReasonForm({
  id,
  label,
  description,
  submitLabel,
  emptyMessage,
  failureMessages = {},
  appearance = "primary-action-button",
  intro,
  onSubmit,
  onDone,
}: {
  id: string;
  label: string;
  description?: string;
  submitLabel: string;
  /** The error when the reason is empty. */
  emptyMessage: string;
  /** Texts per kind of failure, e.g. what a 409 means here. */
  failureMessages?: Partial<Record<FailureKind, string>>;
  appearance?: "primary-action-button" | "secondary-action-button";
  intro?: ReactNode;
  onSubmit: (reason: string) => Promise<void>;
  onDone: () => void;
}) {
  const [reason, setReason] = useState("");
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const fieldId = `${id}-reason`;

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    if (reason.trim() === "") {
      feedback.showProblems([{ fieldId, message: emptyMessage }]);
      return;
    }
    setBusy(true);
    feedback.clear();
    onSubmit(reason.trim()).then(
      () => {
        setBusy(false);
        setReason("");
        onDone();
      },
      (error: unknown) => {
        setBusy(false);
        if (validationErrorsOf(error) !== undefined) {
          feedback.showProblems([{ fieldId, message: emptyMessage }]);
          return;
        }
        feedback.showFailure(error, failureMessages);
      },
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="schakel-form" id={id}>
      <RequiredFieldsNote />
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      {intro}
      <TextareaField
        id={fieldId}
        label={label}
        {...(description === undefined ? {} : { description })}
        value={reason}
        onChange={setReason}
        rows={3}
        maxLength={2000}
        required
        error={messageFor(feedback.problems, fieldId)}
      />
      <ButtonGroup>
        <Button type="submit" appearance={appearance} busy={isBusy}>
          {submitLabel}
        </Button>
      </ButtonGroup>
    </form>
  );
}
