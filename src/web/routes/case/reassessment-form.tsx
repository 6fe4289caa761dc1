import { Button, ButtonGroup } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { reassessSafety } from "../../api/cases";
import { ErrorSummary } from "../../components/error-summary";
import { RequiredFieldsNote } from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import { RadioGroupField, TextareaField } from "../../components/form-fields";
import { KeptDraftNotice } from "../../components/kept-draft-notice";
import { type FieldProblem, messageFor } from "../../forms/problems";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { useKeptDraft } from "../../forms/use-kept-draft";

type Answer = "yes" | "no";

/** A new safety assessment within the case; the latest one decides the acute-unsafety flag. */
export function ReassessmentForm({ caseId, onDone }: { caseId: string; onDone: (acute: boolean) => void }) {
  const { t } = useTranslation();
  const [acute, setAcute] = useState<Answer | "">("");
  const [structural, setStructural] = useState<Answer | "">("");
  const [notes, setNotes] = useState("");
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const kept = useKeptDraft(`reassessment:${caseId}`, { acute, structural, notes }, (saved) => {
    setAcute(saved.acute);
    setStructural(saved.structural);
    setNotes(saved.notes);
  });
  const options = [
    { value: "yes" as const, label: t("forms.yes") },
    { value: "no" as const, label: t("forms.no") },
  ];

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const problems: FieldProblem[] = [];
    if (acute === "") {
      problems.push({ fieldId: "reassess-acute", message: t("assessment.errors.acute") });
    }
    if (structural === "") {
      problems.push({ fieldId: "reassess-structural", message: t("assessment.errors.structural") });
    }
    if (problems.length > 0) {
      feedback.showProblems(problems);
      return;
    }
    setBusy(true);
    feedback.clear();
    const isAcute = acute === "yes";
    reassessSafety(caseId, {
      acuteUnsafety: isAcute,
      structuralUnsafety: structural === "yes",
      ...(notes.trim() === "" ? {} : { notes: notes.trim() }),
    }).then(
      () => {
        setBusy(false);
        kept.discard();
        setAcute("");
        setStructural("");
        setNotes("");
        onDone(isAcute);
      },
      (error: unknown) => {
        setBusy(false);
        feedback.showFailure(error);
      },
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="schakel-form">
      <RequiredFieldsNote />
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      <KeptDraftNotice draft={kept} />
      <RadioGroupField
        id="reassess-acute"
        legend={t("assessment.acute")}
        value={acute}
        onChange={setAcute}
        options={options}
        isInline
        isRequired
        error={messageFor(feedback.problems, "reassess-acute")}
      />
      <RadioGroupField
        id="reassess-structural"
        legend={t("assessment.structural")}
        value={structural}
        onChange={setStructural}
        options={options}
        isInline
        isRequired
        error={messageFor(feedback.problems, "reassess-structural")}
      />
      <TextareaField
        id="reassess-notes"
        label={t("assessment.notes")}
        value={notes}
        onChange={setNotes}
        rows={3}
        maxLength={10_000}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={isBusy}>
          {t("case.reassess.submit")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
