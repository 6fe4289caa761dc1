import {
  Button,
  ButtonGroup,
  Heading4,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClosureBlocker } from "../../../shared/closure";
import { ApiError } from "../../api/client";
import { closeCaseWithReasons } from "../../api/person-help";
import { ErrorSummary } from "../../components/error-summary";
import { RequiredFieldsNote } from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import { TextareaField } from "../../components/form-fields";
import { type FieldProblem, messageFor } from "../../forms/problems";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { useAuthenticatedUser } from "../../session/session-context";
import { type CaseSectionProps, personName } from "./case-model";

const keyOf = (b: ClosureBlocker) => `${b.code}-${b.itemId ?? "case"}`;

/**
 * Closing a case. The server refuses with every reason listed; the form shows them, and the case
 * director gets a reason field per item it may close past (the hard ones never).
 */
export function CloseCaseForm({ props, onDone }: { props: CaseSectionProps; onDone: () => void }) {
  const { t } = useTranslation();
  const { detail } = props.data;
  const [reason, setReason] = useState("");
  const [blockers, setBlockers] = useState<ClosureBlocker[]>([]);
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const user = useAuthenticatedUser();
  const isDirector = detail.director?.userId === user.id;
  const hasHard = blockers.some((b) => !b.overridable);

  function describe(b: ClosureBlocker): string {
    const agreement = props.data.plan.document.plan.agreements.find((a) => a.id === b.itemId);
    const order = detail.restrainingOrders.find((o) => o.id === b.itemId);
    const name =
      b.code === "minor-without-help" && b.itemId !== undefined
        ? personName(t, detail, b.itemId)
        : order !== undefined
          ? personName(t, detail, order.personId)
          : "";
    return t(`closure.reason.${b.code}`, {
      name,
      text: agreement?.text ?? "",
      organisation: props.names.organisation(
        detail.handovers.find((h) => h.id === b.itemId)?.toOrganisationId ?? "",
      ),
    });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const problems: FieldProblem[] = [];
    if (reason.trim() === "") {
      problems.push({ fieldId: "close-case-reason", message: t("case.closure.errors.reason") });
    }
    const given = blockers
      .filter((b) => b.overridable && (overrides[keyOf(b)] ?? "").trim() !== "")
      .map((b) => ({
        code: b.code as "minor-without-help",
        ...(b.itemId === undefined ? {} : { itemId: b.itemId }),
        reason: (overrides[keyOf(b)] ?? "").trim(),
      }));
    if (isDirector && !hasHard) {
      for (const b of blockers.filter((x) => x.overridable)) {
        if ((overrides[keyOf(b)] ?? "").trim() === "") {
          problems.push({
            fieldId: `close-override-${keyOf(b)}`,
            message: t("closure.overrideMissing"),
            summary: `${describe(b)}: ${t("closure.overrideMissing")}`,
          });
        }
      }
    }
    if (problems.length > 0) {
      feedback.showProblems(problems);
      return;
    }
    setBusy(true);
    feedback.clear();
    closeCaseWithReasons(detail.id, {
      reason: reason.trim(),
      ...(isDirector && given.length > 0 ? { overrides: given } : {}),
    }).then(
      () => {
        setBusy(false);
        setBlockers([]);
        onDone();
      },
      (error: unknown) => {
        setBusy(false);
        if (error instanceof ApiError && error.status === 409 && error.problem?.reasons !== undefined) {
          setBlockers(error.problem.reasons);
          feedback.showFailure(error, { conflict: t("closure.refused") });
          return;
        }
        feedback.showFailure(error, { conflict: t("case.closure.conflict") });
      },
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="schakel-form" id="close-case">
      <RequiredFieldsNote />
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      {blockers.length === 0 ? null : (
        <div className="schakel-closure-reasons" id="closure-reasons">
          <Heading4>{t("closure.reasonsHeading")}</Heading4>
          <UnorderedList>
            {blockers.map((b) => (
              <UnorderedListItem key={keyOf(b)}>
                {describe(b)}{" "}
                {b.overridable
                  ? t(isDirector ? "closure.overridableDirector" : "closure.overridable")
                  : t("closure.hard")}
              </UnorderedListItem>
            ))}
          </UnorderedList>
          {isDirector && !hasHard
            ? blockers
                .filter((b) => b.overridable)
                .map((b) => (
                  <TextareaField
                    key={keyOf(b)}
                    id={`close-override-${keyOf(b)}`}
                    label={t("closure.overrideLabel", { item: describe(b) })}
                    description={t("closure.overrideHint")}
                    value={overrides[keyOf(b)] ?? ""}
                    onChange={(value) => setOverrides((o) => ({ ...o, [keyOf(b)]: value }))}
                    rows={2}
                    maxLength={2000}
                    error={messageFor(feedback.problems, `close-override-${keyOf(b)}`)}
                  />
                ))
            : null}
          {hasHard ? <Paragraph>{t("closure.hardFirst")}</Paragraph> : null}
        </div>
      )}
      <TextareaField
        id="close-case-reason"
        label={t("case.closure.reason")}
        description={t("case.closure.followUpsWillFollow")}
        value={reason}
        onChange={setReason}
        rows={3}
        maxLength={2000}
        required
        error={messageFor(feedback.problems, "close-case-reason")}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isBusy}>
          {t("case.closure.close")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
