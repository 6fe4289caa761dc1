import {
  Button,
  ButtonGroup,
  Heading3,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { phases } from "../../../shared/cases";
import { changeDirection, changeDirector } from "../../api/cases";
import { FormFailure } from "../../components/form-failure";
import { SuccessNotice, useSuccessNotice } from "../../components/success-notice";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { useAuthenticatedUser } from "../../session/session-context";
import type { CaseSectionProps } from "./case-model";
import { Disclosure } from "./case-section";
import { PhaseForm } from "./phase-form";
import { ReasonForm } from "./reason-form";

/** The three phases of chain care, the current one marked. */
function PhaseSteps({ current }: { current: (typeof phases)[number] }) {
  const { t } = useTranslation();
  return (
    <OrderedList className="schakel-phases" aria-label={t("case.phaseSteps")}>
      {phases.map((phase) => (
        <OrderedListItem
          key={phase}
          className={phase === current ? "schakel-phases__current" : undefined}
          {...(phase === current ? { "aria-current": "step" as const } : {})}
        >
          {t(`phase.${phase}`)}
          {phase === current ? ` ${t("case.currentPhase")}` : ""}
        </OrderedListItem>
      ))}
    </OrderedList>
  );
}

/** The director (name and organisation) and "Ik neem de regie" for a worker of an involved organisation. */
function DirectorPart({ data, access, names, userNames, onChanged }: CaseSectionProps) {
  const { t } = useTranslation();
  const user = useAuthenticatedUser();
  const notice = useSuccessNotice();
  const feedback = useFormFeedback();
  const [isBusy, setBusy] = useState(false);
  const { director } = data.detail;
  const isDirector = director?.userId === user.id;

  function handleTake(): void {
    if (isBusy) {
      return;
    }
    setBusy(true);
    feedback.clear();
    changeDirector(data.detail.id, user.id).then(
      () => {
        setBusy(false);
        notice.show(t("case.director.taken"));
        onChanged();
      },
      (error: unknown) => {
        setBusy(false);
        feedback.showFailure(error, {
          invalid: t("case.director.notInvolved"),
          conflict: t("case.director.conflict"),
        });
      },
    );
  }

  let text: string;
  if (director === null) {
    text = t("case.noDirector");
  } else {
    const organisation = names.organisation(director.organisationId);
    const name = userNames.get(director.userId);
    text =
      name === undefined
        ? t("case.director.unnamed", { organisation })
        : t("case.director.named", { name, organisation });
  }

  return (
    <>
      <Heading3>{t("case.director.heading")}</Heading3>
      <Paragraph id="case-director">
        {text}
        {isDirector ? ` ${t("case.director.isYou")}` : ""}
      </Paragraph>
      <SuccessNotice message={notice.message} occurrence={notice.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      {access.canWork && !isDirector ? (
        <>
          <Paragraph>{t("case.director.takeIntro")}</Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={isBusy} onClick={handleTake}>
              {t("case.director.take")}
            </Button>
          </ButtonGroup>
        </>
      ) : null}
    </>
  );
}

/** Local direction needs a director of a local team (the server refuses it otherwise). */
const localDirectorOf = (props: CaseSectionProps): boolean =>
  props.organisations.some(
    (o) => o.id === props.data.detail.director?.organisationId && o.kind === "local-team",
  );

/** Phase (with the control to move on or back), direction (escalate / de-escalate) and the director. */
export function PhaseSection(props: CaseSectionProps) {
  const { t } = useTranslation();
  const { data, access, onChanged } = props;
  const { detail } = data;
  const phaseNotice = useSuccessNotice();
  const directionNotice = useSuccessNotice();
  const otherDirection = detail.direction === "local" ? "regional" : "local";

  return (
    <>
      <Heading3>{t("case.phaseLabel")}</Heading3>
      <Paragraph id="case-phase">{t("case.phaseNow", { phase: t(`phase.${detail.phase}`) })}</Paragraph>
      <PhaseSteps current={detail.phase} />
      <SuccessNotice message={phaseNotice.message} occurrence={phaseNotice.occurrence} />
      {access.canWork ? (
        <Disclosure summary={t("case.phaseForm.heading")}>
          <PhaseForm
            caseId={detail.id}
            current={detail.phase}
            onDone={(phase) => {
              phaseNotice.show(t("case.phaseForm.done", { phase: t(`phase.${phase}`) }));
              onChanged();
            }}
          />
        </Disclosure>
      ) : null}

      <Heading3>{t("case.directionLabel")}</Heading3>
      <Paragraph id="case-direction">
        {t(`direction.${detail.direction}`)} — {t(`case.directionExplained.${detail.direction}`)}
      </Paragraph>
      <SuccessNotice message={directionNotice.message} occurrence={directionNotice.occurrence} />
      {access.canWork && otherDirection === "local" && !localDirectorOf(props) ? (
        <Paragraph id="direction-local-needs-local-director">
          {t("caseRules.localNeedsLocalDirector")}
        </Paragraph>
      ) : null}
      {access.canWork && (otherDirection === "regional" || localDirectorOf(props)) ? (
        <Disclosure summary={t(`case.directionForm.summary.${otherDirection}`)}>
          <ReasonForm
            id="direction-form"
            label={t("case.reason")}
            description={t(`case.directionForm.description.${otherDirection}`)}
            submitLabel={t(`case.directionForm.submit.${otherDirection}`)}
            emptyMessage={t("case.directionForm.errors.reason")}
            failureMessages={{ conflict: t("case.directionForm.conflict") }}
            onSubmit={(reason) => changeDirection(detail.id, { direction: otherDirection, reason })}
            onDone={() => {
              directionNotice.show(
                t("case.directionForm.done", { direction: t(`direction.${otherDirection}`) }),
              );
              onChanged();
            }}
          />
        </Disclosure>
      ) : null}

      <DirectorPart {...props} />
    </>
  );
}
