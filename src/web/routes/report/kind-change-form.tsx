import { Button, ButtonGroup, Heading2, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportDetail } from "../../../shared/intake";
import { changeReportKind } from "../../api/intake";
import { ErrorSummary } from "../../components/error-summary";
import { RequiredFieldsNote } from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import { TextareaField } from "../../components/form-fields";
import { messageFor, validationErrorsOf } from "../../forms/problems";
import { useFormFeedback } from "../../forms/use-form-feedback";

/** Turning an advice request into a report or back (DOMAIN.md 1), always with the reason. */
export function KindChangeForm({
  report,
  onChanged,
}: {
  report: ReportDetail;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const target = report.kind === "advice" ? "report" : "advice";

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    if (reason.trim() === "") {
      feedback.showProblems([{ fieldId: "kind-reason", message: t("kindChange.errors.reason") }]);
      return;
    }
    setBusy(true);
    feedback.clear();
    changeReportKind(report.id, { kind: target, reason: reason.trim() }).then(
      () => {
        setBusy(false);
        setReason("");
        onChanged(t(`kindChange.done.${target}`));
      },
      (error: unknown) => {
        setBusy(false);
        if (validationErrorsOf(error) !== undefined) {
          feedback.showProblems([{ fieldId: "kind-reason", message: t("kindChange.errors.reason") }]);
          return;
        }
        feedback.showFailure(error, { conflict: t("kindChange.errors.conflict") });
      },
    );
  }

  return (
    <section aria-labelledby="kind-heading" className="schakel-section">
      <Heading2 id="kind-heading">{t("kindChange.heading")}</Heading2>
      <form noValidate onSubmit={handleSubmit} className="schakel-form">
        <RequiredFieldsNote />
        <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
        <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
        <Paragraph>{t(`kindChange.intro.${target}`)}</Paragraph>
        <TextareaField
          id="kind-reason"
          label={t("kindChange.reason")}
          value={reason}
          onChange={setReason}
          rows={3}
          maxLength={2000}
          required
          error={messageFor(feedback.problems, "kind-reason")}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={isBusy}>
            {t(`kindChange.submit.${target}`)}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
