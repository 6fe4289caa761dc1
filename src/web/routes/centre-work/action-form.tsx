import { Button, ButtonGroup } from "@utrecht/component-library-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { ErrorSummary } from "../../components/error-summary";
import { RequiredFieldsNote } from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import { type FieldProblem, validationErrorsOf } from "../../forms/problems";
import { useFormFeedback } from "../../forms/use-form-feedback";

/**
 * One small form of the centre's routes: checks its fields, sends, and shows the error summary
 * (the server's field problems mapped to the form's fields) or a form-level failure.
 */
export function ActionForm({
  submitLabel,
  check,
  send,
  fieldOf,
  conflict,
  onDone,
  children,
  appearance = "secondary-action-button",
}: {
  submitLabel: string;
  check: () => FieldProblem[];
  send: () => Promise<unknown>;
  /** The form's field (id and message) for a server problem's path. */
  fieldOf: (path: string) => FieldProblem;
  /** The text for a 409 from the server. */
  conflict?: (error: unknown) => string;
  onDone: () => void;
  children: (problems: readonly FieldProblem[]) => ReactNode;
  appearance?: "primary-action-button" | "secondary-action-button";
}) {
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const problems = check();
    if (problems.length > 0) {
      feedback.showProblems(problems);
      return;
    }
    setBusy(true);
    feedback.clear();
    send().then(
      () => {
        setBusy(false);
        onDone();
      },
      (error: unknown) => {
        setBusy(false);
        const errors = validationErrorsOf(error);
        if (errors !== undefined && errors.length > 0) {
          const mapped = errors.map(({ path }) => fieldOf(path));
          feedback.showProblems(
            mapped.filter((p, i) => mapped.findIndex((q) => q.fieldId === p.fieldId) === i),
          );
          return;
        }
        feedback.showFailure(error, conflict === undefined ? {} : { conflict: conflict(error) });
      },
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="schakel-form">
      <RequiredFieldsNote />
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      {children(feedback.problems)}
      <ButtonGroup>
        <Button type="submit" appearance={appearance} busy={isBusy}>
          {submitLabel}
        </Button>
      </ButtonGroup>
    </form>
  );
}
