import { Button, ButtonGroup } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { recordHelpOffered } from "../../api/cases";
import { ErrorSummary } from "../../components/error-summary";
import { FormFailure } from "../../components/form-failure";
import { TextareaField } from "../../components/form-fields";
import { TextField } from "../../components/text-field";
import { dateInAmsterdam } from "../../deadlines/working-days";
import { type FieldProblem, messageFor, validationErrorsOf } from "../../forms/problems";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { isValidDate } from "./plan/plan-draft";

/** Recording that help was offered to a person (children central: the flag clears once it is). */
export function HelpOfferedForm({
  caseId,
  personId,
  personName,
  onDone,
}: {
  caseId: string;
  personId: string;
  personName: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState(() => dateInAmsterdam(new Date()));
  const [description, setDescription] = useState("");
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const id = (field: string) => `help-${personId}-${field}`;

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const problems: FieldProblem[] = [];
    if (!isValidDate(date)) {
      problems.push({ fieldId: id("date"), message: t("case.help.errors.date") });
    }
    if (description.trim() === "") {
      problems.push({ fieldId: id("description"), message: t("case.help.errors.description") });
    }
    if (problems.length > 0) {
      feedback.showProblems(problems);
      return;
    }
    setBusy(true);
    feedback.clear();
    recordHelpOffered(caseId, personId, { date, description: description.trim() }).then(
      () => {
        setBusy(false);
        setDescription("");
        onDone();
      },
      (error: unknown) => {
        setBusy(false);
        const errors = validationErrorsOf(error);
        if (errors !== undefined) {
          feedback.showProblems(
            errors.map(({ path }) =>
              path.startsWith("date")
                ? { fieldId: id("date"), message: t("case.help.errors.date") }
                : { fieldId: id("description"), message: t("case.help.errors.description") },
            ),
          );
          return;
        }
        feedback.showFailure(error);
      },
    );
  }

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      className="schakel-form"
      aria-label={t("case.help.formLabel", { name: personName })}
    >
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      <TextField
        id={id("date")}
        type="date"
        label={t("case.help.date")}
        value={date}
        onChange={setDate}
        autoComplete="off"
        width="medium"
        required
        error={messageFor(feedback.problems, id("date"))}
      />
      <TextareaField
        id={id("description")}
        label={t("case.help.description")}
        description={t("case.help.descriptionHint")}
        value={description}
        onChange={setDescription}
        rows={2}
        maxLength={2000}
        required
        error={messageFor(feedback.problems, id("description"))}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={isBusy}>
          {t("case.help.submit", { name: personName })}
        </Button>
      </ButtonGroup>
    </form>
  );
}
