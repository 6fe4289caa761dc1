import { Button, ButtonGroup } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type HelpKind, helpKinds } from "../../../shared/person-help";
import type { Organisation } from "../../../shared/reference";
import { recordPersonHelp } from "../../api/person-help";
import { ErrorSummary } from "../../components/error-summary";
import { RequiredFieldsNote } from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import { SelectField, TextareaField } from "../../components/form-fields";
import { TextField } from "../../components/text-field";
import { dateInAmsterdam } from "../../deadlines/working-days";
import { type FieldProblem, messageFor, validationErrorsOf } from "../../forms/problems";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { isValidDate } from "./plan/plan-draft";

const earliest = "2014-01-01";

/** Records help for one person: what kind, what, who gives it, offered on, perhaps started on. */
export function PersonHelpForm({
  caseId,
  personId,
  personName,
  organisations,
  onDone,
}: {
  caseId: string;
  personId: string;
  personName: string;
  organisations: readonly Organisation[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const today = dateInAmsterdam(new Date());
  const [kind, setKind] = useState<HelpKind | "">("");
  const [description, setDescription] = useState("");
  const [provider, setProvider] = useState("");
  const [providerName, setProviderName] = useState("");
  const [offeredOn, setOfferedOn] = useState(today);
  const [startedOn, setStartedOn] = useState("");
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const id = (field: string) => `person-help-${personId}-${field}`;
  const dateProblem = (value: string) =>
    !isValidDate(value) || value < earliest || value > today ? t("personHelp.errors.date") : undefined;

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const problems: FieldProblem[] = [];
    if (kind === "") {
      problems.push({ fieldId: id("kind"), message: t("personHelp.errors.kind") });
    }
    if (description.trim() === "") {
      problems.push({ fieldId: id("description"), message: t("personHelp.errors.description") });
    }
    if (provider === "" && providerName.trim() === "") {
      problems.push({ fieldId: id("provider"), message: t("personHelp.errors.provider") });
    }
    const offeredProblem = dateProblem(offeredOn);
    if (offeredProblem !== undefined) {
      problems.push({ fieldId: id("offered"), message: offeredProblem });
    }
    if (startedOn !== "") {
      const startProblem =
        dateProblem(startedOn) ??
        (startedOn < offeredOn ? t("personHelp.errors.startBeforeOffer") : undefined);
      if (startProblem !== undefined) {
        problems.push({ fieldId: id("started"), message: startProblem });
      }
    }
    if (problems.length > 0 || kind === "") {
      feedback.showProblems(problems);
      return;
    }
    setBusy(true);
    feedback.clear();
    recordPersonHelp(caseId, personId, {
      kind,
      description: description.trim(),
      ...(provider === "" ? {} : { providerOrganisationId: provider }),
      ...(providerName.trim() === "" ? {} : { providerName: providerName.trim() }),
      offeredOn,
      ...(startedOn === "" ? {} : { startedOn }),
    }).then(
      () => {
        setBusy(false);
        setKind("");
        setDescription("");
        setStartedOn("");
        onDone();
      },
      (error: unknown) => {
        setBusy(false);
        const errors = validationErrorsOf(error);
        if (errors !== undefined) {
          feedback.showProblems(
            errors.map(({ path }) => ({
              fieldId: id(
                path.startsWith("offeredOn")
                  ? "offered"
                  : path.startsWith("startedOn")
                    ? "started"
                    : path.startsWith("provider")
                      ? "provider"
                      : path.startsWith("kind")
                        ? "kind"
                        : "description",
              ),
              message: t("personHelp.errors.invalid"),
            })),
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
      aria-label={t("personHelp.formLabel", { name: personName })}
    >
      <RequiredFieldsNote />
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      <SelectField
        id={id("kind")}
        label={t("personHelp.kind")}
        value={kind}
        onChange={setKind}
        emptyOption={t("personHelp.chooseKind")}
        options={helpKinds.map((value) => ({ value, label: t(`personHelp.kinds.${value}`) }))}
        required
        error={messageFor(feedback.problems, id("kind"))}
      />
      <TextareaField
        id={id("description")}
        label={t("personHelp.description")}
        description={t("personHelp.descriptionHint")}
        value={description}
        onChange={setDescription}
        rows={2}
        maxLength={2000}
        required
        error={messageFor(feedback.problems, id("description"))}
      />
      <SelectField
        id={id("provider")}
        label={t("personHelp.provider")}
        description={t("personHelp.providerHint")}
        value={provider}
        onChange={setProvider}
        emptyOption={t("personHelp.chooseProvider")}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        error={messageFor(feedback.problems, id("provider"))}
      />
      <TextField
        id={id("provider-name")}
        label={t("personHelp.providerName")}
        value={providerName}
        onChange={setProviderName}
        autoComplete="off"
        maxLength={200}
      />
      <TextField
        id={id("offered")}
        type="date"
        label={t("personHelp.offeredOn")}
        value={offeredOn}
        onChange={setOfferedOn}
        autoComplete="off"
        width="medium"
        max={today}
        required
        error={messageFor(feedback.problems, id("offered"))}
      />
      <TextField
        id={id("started")}
        type="date"
        label={t("personHelp.startedOnOptional")}
        value={startedOn}
        onChange={setStartedOn}
        autoComplete="off"
        width="medium"
        max={today}
        error={messageFor(feedback.problems, id("started"))}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={isBusy}>
          {t("personHelp.submit", { name: personName })}
        </Button>
      </ButtonGroup>
    </form>
  );
}
