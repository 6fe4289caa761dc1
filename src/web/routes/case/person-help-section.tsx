import {
  Button,
  ButtonGroup,
  Heading4,
  Paragraph,
  StatusBadge,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { HelpRecord } from "../../../shared/person-help";
import { changePersonHelp, setMinorStatus } from "../../api/person-help";
import { ErrorSummary } from "../../components/error-summary";
import { RequiredFieldsNote } from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import { RadioGroupField, TextareaField } from "../../components/form-fields";
import { SuccessNotice, useSuccessNotice } from "../../components/success-notice";
import { TextField } from "../../components/text-field";
import { dateInAmsterdam } from "../../deadlines/working-days";
import { messageFor } from "../../forms/problems";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { useFormatters } from "../../i18n/format";
import { type CasePerson, type CaseSectionProps, personName, personRole } from "./case-model";
import { Disclosure } from "./case-section";
import { PersonHelpForm } from "./person-help-form";

const statusBadge = { offered: "warning", started: "safe", ended: "neutral", withdrawn: "neutral" } as const;

/** Starting, ending or withdrawing one help record: a date, or the reason for the withdrawal. */
function HelpStepForm({
  caseId,
  help,
  step,
  onDone,
}: {
  caseId: string;
  help: HelpRecord;
  step: "start" | "end" | "withdraw";
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const today = dateInAmsterdam(new Date());
  const [value, setValue] = useState(step === "withdraw" ? "" : today);
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const fieldId = `help-${help.id}-${step}`;

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    if (value.trim() === "" || (step !== "withdraw" && value > today)) {
      feedback.showProblems([{ fieldId, message: t(`personHelp.errors.${step}`) }]);
      return;
    }
    setBusy(true);
    feedback.clear();
    const body =
      step === "start"
        ? { startedOn: value }
        : step === "end"
          ? { endedOn: value }
          : { reason: value.trim() };
    changePersonHelp(caseId, help.id, step, body).then(
      () => {
        setBusy(false);
        onDone();
      },
      (error: unknown) => {
        setBusy(false);
        feedback.showFailure(error, {
          invalid: t(`personHelp.errors.${step}`),
          conflict: t("personHelp.conflict"),
        });
      },
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="schakel-form">
      <RequiredFieldsNote />
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      {step === "withdraw" ? (
        <TextareaField
          id={fieldId}
          label={t("personHelp.withdrawReason")}
          value={value}
          onChange={setValue}
          rows={2}
          maxLength={2000}
          required
          error={messageFor(feedback.problems, fieldId)}
        />
      ) : (
        <TextField
          id={fieldId}
          type="date"
          label={t(step === "start" ? "personHelp.startedOn" : "personHelp.endedOn")}
          value={value}
          onChange={setValue}
          autoComplete="off"
          width="medium"
          max={today}
          required
          error={messageFor(feedback.problems, fieldId)}
        />
      )}
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={isBusy}>
          {t(`personHelp.steps.${step}`)}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** A case worker states whether a person without a birth date is a minor, with the reason. */
function MinorStatusForm({
  caseId,
  person,
  name,
  onDone,
}: {
  caseId: string;
  person: CasePerson;
  name: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [minor, setMinor] = useState<"yes" | "no" | "">("");
  const [reason, setReason] = useState("");
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const id = (field: string) => `minor-${person.id}-${field}`;

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const problems = [
      ...(minor === "" ? [{ fieldId: id("answer"), message: t("minorCheck.errors.answer") }] : []),
      ...(reason.trim() === "" ? [{ fieldId: id("reason"), message: t("minorCheck.errors.reason") }] : []),
    ];
    if (problems.length > 0 || minor === "") {
      feedback.showProblems(problems);
      return;
    }
    setBusy(true);
    feedback.clear();
    setMinorStatus(caseId, person.id, { minor, reason: reason.trim() }).then(
      () => {
        setBusy(false);
        onDone();
      },
      (error: unknown) => {
        setBusy(false);
        feedback.showFailure(error);
      },
    );
  }

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      className="schakel-form"
      aria-label={t("minorCheck.formLabel", { name })}
    >
      <RequiredFieldsNote />
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      <RadioGroupField
        id={id("answer")}
        legend={t("minorCheck.question", { name })}
        value={minor}
        onChange={setMinor}
        options={[
          { value: "yes", label: t("forms.yes") },
          { value: "no", label: t("forms.no") },
        ]}
        isInline
        isRequired
        error={messageFor(feedback.problems, id("answer"))}
      />
      <TextareaField
        id={id("reason")}
        label={t("minorCheck.reason")}
        value={reason}
        onChange={setReason}
        rows={2}
        maxLength={2000}
        required
        error={messageFor(feedback.problems, id("reason"))}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={isBusy}>
          {t("minorCheck.submit")}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function HelpItem({ help, props }: { help: HelpRecord; props: CaseSectionProps }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const provider =
    help.providerOrganisationId === null
      ? (help.providerName ?? "")
      : props.names.organisation(help.providerOrganisationId);
  return (
    <UnorderedListItem className="schakel-help-record">
      <StatusBadge status={statusBadge[help.status]}>{t(`personHelp.status.${help.status}`)}</StatusBadge>{" "}
      <strong>{t(`personHelp.kinds.${help.kind}`)}</strong>: {help.description}
      <br />
      {t("personHelp.by", { provider })}{" "}
      {t("personHelp.offeredOnText", { date: format.shortDate(help.offeredOn) })}
      {help.startedOn === null
        ? ""
        : ` ${t("personHelp.startedOnText", { date: format.shortDate(help.startedOn), count: help.waitingDays ?? 0 })}`}
      {help.endedOn === null
        ? ""
        : ` ${t("personHelp.endedOnText", { date: format.shortDate(help.endedOn) })}`}
      <br />
      {t("personHelp.recordedBy", {
        name: help.recordedBy.name ?? props.names.organisation(help.recordedBy.organisationId),
        organisation: props.names.organisation(help.recordedBy.organisationId),
        at: format.dateTime(help.recordedAt),
      })}
      {help.withdrawn === null ? null : (
        <>
          <br />
          {t("personHelp.withdrawnText", { reason: help.withdrawn.reason })}
        </>
      )}
      {props.access.canWork && help.status !== "withdrawn" ? (
        <>
          {help.status === "offered" ? (
            <Disclosure summary={t("personHelp.steps.start")}>
              <HelpStepForm caseId={props.data.detail.id} help={help} step="start" onDone={props.onChanged} />
            </Disclosure>
          ) : null}
          {help.status === "started" ? (
            <Disclosure summary={t("personHelp.steps.end")}>
              <HelpStepForm caseId={props.data.detail.id} help={help} step="end" onDone={props.onChanged} />
            </Disclosure>
          ) : null}
          <Disclosure summary={t("personHelp.steps.withdraw")}>
            <HelpStepForm
              caseId={props.data.detail.id}
              help={help}
              step="withdraw"
              onDone={props.onChanged}
            />
          </Disclosure>
        </>
      ) : null}
    </UnorderedListItem>
  );
}

/** One person of the household: minor status (to check when unknown) and every help record. */
export function PersonHelpCard({ person, props }: { person: CasePerson; props: CaseSectionProps }) {
  const { t } = useTranslation();
  const notice = useSuccessNotice();
  const { detail } = props.data;
  const name = personName(t, detail, person.id);
  return (
    <div className="schakel-card" id={`person-${person.id}`}>
      <Heading4>
        {name}
        {person.age === undefined ? "" : `, ${t("report.age", { count: person.age })}`}
      </Heading4>
      <Paragraph>
        {personRole(t, person.role)}.{" "}
        <StatusBadge status={person.minorToCheck ? "warning" : "neutral"}>
          {t(`minorCheck.status.${person.minor}`)}
        </StatusBadge>{" "}
        {person.minor === "yes" ? (
          <StatusBadge status={person.helpOffered ? "safe" : "warning"}>
            {t(person.helpOffered ? "case.help.offered" : "case.noHelpYet")}
          </StatusBadge>
        ) : null}
      </Paragraph>
      {person.helpRecords.length === 0 ? (
        <Paragraph>{t("personHelp.none")}</Paragraph>
      ) : (
        <UnorderedList className="schakel-plain-list">
          {person.helpRecords.map((help) => (
            <HelpItem key={help.id} help={help} props={props} />
          ))}
        </UnorderedList>
      )}
      <SuccessNotice message={notice.message} occurrence={notice.occurrence} />
      {props.access.canWork && person.minorToCheck && person.age === undefined ? (
        <Disclosure summary={t("minorCheck.open", { name })}>
          <MinorStatusForm
            caseId={detail.id}
            person={person}
            name={name}
            onDone={() => {
              notice.show(t("minorCheck.done", { name }));
              props.onChanged();
            }}
          />
        </Disclosure>
      ) : null}
      {props.access.canWork ? (
        <Disclosure summary={t("personHelp.open", { name })}>
          <PersonHelpForm
            caseId={detail.id}
            personId={person.id}
            personName={name}
            organisations={props.organisations}
            onDone={() => {
              notice.show(t("personHelp.done", { name }));
              props.onChanged();
            }}
          />
        </Disclosure>
      ) : null}
    </div>
  );
}
