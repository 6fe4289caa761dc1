import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Handover } from "../../../shared/cases";
import { acceptHandover, declineHandover } from "../../api/cases";
import type { ReferenceNames } from "../../api/use-reference";
import { Deadline } from "../../components/deadline";
import { FormFailure } from "../../components/form-failure";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { useFormatters } from "../../i18n/format";
import type { NavigationState } from "../navigation-state";
import { ReasonForm } from "./reason-form";

/**
 * The decision on a handover to the user's organisation, at the top of the case: accept (the
 * organisation becomes involved and may work on the case) or decline with a reason (its access
 * ends, the sender keeps the case). Until then the case can be read but not changed.
 */
export function HandoverDecision({
  handover,
  caseReference,
  canDecide,
  names,
  onAccepted,
}: {
  handover: Handover;
  caseReference: string;
  canDecide: boolean;
  names: ReferenceNames;
  onAccepted: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const [isAccepting, setAccepting] = useState(false);
  const feedback = useFormFeedback();
  const from = names.organisation(handover.fromOrganisationId);

  function handleAccept(): void {
    if (isAccepting) {
      return;
    }
    setAccepting(true);
    feedback.clear();
    acceptHandover(handover.id).then(
      () => {
        setAccepting(false);
        onAccepted();
      },
      (error: unknown) => {
        setAccepting(false);
        feedback.showFailure(error, { conflict: t("case.decision.conflict") });
      },
    );
  }

  return (
    <section aria-labelledby="handover-decision-heading" className="schakel-decision">
      <Heading2 id="handover-decision-heading">{t("case.decision.heading")}</Heading2>
      <Paragraph>{t("case.decision.intro", { from })}</Paragraph>
      {handover.note === undefined ? null : (
        <Paragraph className="schakel-narrative">
          <strong>{t("case.decision.note")}</strong> {handover.note}
        </Paragraph>
      )}
      {handover.warmHandoverAt === undefined ? null : (
        <Paragraph>{t("case.warmHandover", { at: format.dateTime(handover.warmHandoverAt) })}</Paragraph>
      )}
      <Paragraph>
        {t("case.decision.decideBy")} <Deadline dueOn={handover.dueOn} />
      </Paragraph>
      <Paragraph>{t("case.decision.readOnly")}</Paragraph>
      {canDecide ? (
        <>
          <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={isAccepting} onClick={handleAccept}>
              {t("case.decision.accept")}
            </Button>
          </ButtonGroup>
          <Heading3>{t("case.decision.declineHeading")}</Heading3>
          <ReasonForm
            id="decline-handover"
            label={t("case.decision.declineReason")}
            description={t("case.decision.declineDescription", { from })}
            submitLabel={t("case.decision.decline")}
            emptyMessage={t("case.decision.errors.reason")}
            failureMessages={{ conflict: t("case.decision.conflict") }}
            appearance="secondary-action-button"
            onSubmit={(reason) => declineHandover(handover.id, reason)}
            onDone={() => {
              const state: NavigationState = { handoverDeclined: caseReference };
              void navigate("/", { state });
            }}
          />
        </>
      ) : (
        <Paragraph>{t("case.decision.cannotDecide")}</Paragraph>
      )}
    </section>
  );
}
