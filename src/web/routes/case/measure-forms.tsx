import { Button, ButtonGroup } from "@utrecht/component-library-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "../../components/error-summary";
import { RequiredFieldsNote } from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import { TextField } from "../../components/text-field";
import { type FieldProblem, messageFor, validationErrorsOf } from "../../forms/problems";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { isValidDate } from "./plan/plan-draft";

/**
 * A small form around one date (extend an order to, end a stay on, start on): checks the date,
 * sends, and shows the usual error summary or failure.
 */
export function DateActionForm({
  id,
  label,
  description,
  initialDate,
  submitLabel,
  dateError,
  extraProblems,
  onSubmit,
  onDone,
  children,
  appearance = "secondary-action-button",
}: {
  id: string;
  label: string;
  description?: string;
  initialDate: string;
  submitLabel: string;
  dateError: string;
  /** Checks of the further fields, run before sending. */
  extraProblems?: () => FieldProblem[];
  onSubmit: (date: string) => Promise<void>;
  onDone: () => void;
  /** Further fields, given the current problems so that they can show their own. */
  children?: (problems: readonly FieldProblem[]) => ReactNode;
  appearance?: "primary-action-button" | "secondary-action-button";
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState(initialDate);
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const dateId = `${id}-date`;

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const problems = [
      ...(isValidDate(date) ? [] : [{ fieldId: dateId, message: dateError }]),
      ...(extraProblems?.() ?? []),
    ];
    if (problems.length > 0) {
      feedback.showProblems(problems);
      return;
    }
    setBusy(true);
    feedback.clear();
    onSubmit(date).then(
      () => {
        setBusy(false);
        onDone();
      },
      (error: unknown) => {
        setBusy(false);
        if (validationErrorsOf(error) !== undefined) {
          feedback.showProblems([{ fieldId: dateId, message: dateError }]);
          return;
        }
        feedback.showFailure(error, { conflict: t("case.measures.conflict") });
      },
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="schakel-form">
      <RequiredFieldsNote />
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      {children?.(feedback.problems)}
      <TextField
        id={dateId}
        type="date"
        label={label}
        {...(description === undefined ? {} : { description })}
        value={date}
        onChange={setDate}
        autoComplete="off"
        width="medium"
        required
        error={messageFor(feedback.problems, dateId)}
      />
      <ButtonGroup>
        <Button type="submit" appearance={appearance} busy={isBusy}>
          {submitLabel}
        </Button>
      </ButtonGroup>
    </form>
  );
}
