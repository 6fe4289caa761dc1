import { Button, ButtonGroup, FormField, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseDetail } from "../../../shared/cases";
import {
  firstJournalDay,
  type JournalEntry,
  type JournalKind,
  type JournalVisibility,
  journalDocumentTypes,
  journalKinds,
  journalVisibilities,
  maxJournalSource,
  maxJournalText,
} from "../../../shared/journal";
import { ApiError } from "../../api/client";
import { writeJournalEntry } from "../../api/journal";
import { ErrorSummary } from "../../components/error-summary";
import {
  describedByOf,
  FieldDescription,
  FieldError,
  FieldLabel,
  RequiredFieldsNote,
} from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import {
  CheckboxGroupField,
  RadioGroupField,
  SelectField,
  TextareaField,
} from "../../components/form-fields";
import { KeptDraftNotice } from "../../components/kept-draft-notice";
import { TextField } from "../../components/text-field";
import { dateInAmsterdam } from "../../deadlines/working-days";
import { type FieldProblem, messageFor, validationErrorsOf } from "../../forms/problems";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { useKeptDraft } from "../../forms/use-kept-draft";
import { personName } from "./case-model";
import { isValidDate } from "./plan/plan-draft";

const acceptedFiles = journalDocumentTypes.map((type) => `.${type.extension},${type.mediaType}`).join(",");

/**
 * The form for a journal entry: what, when, about whom, for whom, the text and optionally a
 * document. As a correction it starts from the corrected entry and keeps its visibility.
 */
export function JournalEntryForm({
  id,
  detail,
  corrects,
  onWritten,
}: {
  id: string;
  detail: CaseDetail;
  corrects?: JournalEntry;
  onWritten: (entry: JournalEntry) => void;
}) {
  const { t } = useTranslation();
  const today = dateInAmsterdam(new Date());
  const [kind, setKind] = useState<JournalKind | "">(corrects?.kind ?? "");
  const [occurredOn, setOccurredOn] = useState(corrects?.occurredOn ?? today);
  const [personIds, setPersonIds] = useState<string[]>(corrects?.personIds ?? []);
  const [visibility, setVisibility] = useState<JournalVisibility | "">(corrects?.visibility ?? "");
  const [text, setText] = useState(corrects?.text ?? "");
  const [source, setSource] = useState(corrects?.source ?? "");
  const [file, setFile] = useState<File | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const field = (name: string) => `${id}-${name}`;
  const kept = useKeptDraft(
    `journal:${detail.id}${corrects === undefined ? "" : `:corrects:${corrects.id}`}`,
    { kind, occurredOn, personIds, visibility, text, source },
    (saved) => {
      setKind(saved.kind);
      setOccurredOn(saved.occurredOn);
      setPersonIds(saved.personIds);
      setVisibility(saved.visibility);
      setText(saved.text);
      setSource(saved.source);
    },
  );

  function localProblems(): FieldProblem[] {
    const problems: FieldProblem[] = [];
    if (kind === "") {
      problems.push({ fieldId: field("kind"), message: t("journal.errors.kind") });
    }
    if (!isValidDate(occurredOn) || occurredOn < firstJournalDay || occurredOn > today) {
      problems.push({ fieldId: field("date"), message: t("journal.errors.date") });
    }
    if (personIds.length === 0) {
      problems.push({ fieldId: field("persons"), message: t("journal.errors.persons") });
    }
    if (visibility === "") {
      problems.push({ fieldId: field("visibility"), message: t("journal.errors.visibility") });
    }
    if (text.trim() === "") {
      problems.push({ fieldId: field("text"), message: t("journal.errors.text") });
    }
    if (kind === "document" && file === undefined) {
      problems.push({ fieldId: field("file"), message: t("journal.errors.fileMissing") });
    }
    return problems;
  }

  /** Server field problems, mapped onto the form's fields. */
  function serverProblems(errors: { path: string; message: string }[]): FieldProblem[] {
    const byPath: Record<string, string> = {
      kind: "kind",
      occurredOn: "date",
      personIds: "persons",
      visibility: "visibility",
      text: "text",
      source: "source",
      file: "file",
    };
    return errors.map((error) => {
      const key = error.path.replace(/^entry\./, "").split(".")[0] ?? "";
      const name = byPath[key] ?? "text";
      return { fieldId: field(name), message: t(`journal.errors.${name === "date" ? "date" : "server"}`) };
    });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const problems = localProblems();
    if (problems.length > 0 || kind === "" || visibility === "") {
      feedback.showProblems(problems);
      return;
    }
    setBusy(true);
    feedback.clear();
    writeJournalEntry(
      detail.id,
      {
        kind,
        occurredOn,
        personIds,
        visibility,
        text: text.trim(),
        ...(source.trim() === "" ? {} : { source: source.trim() }),
        ...(corrects === undefined ? {} : { correctsEntryId: corrects.id }),
      },
      file,
    ).then(
      (entry) => {
        setBusy(false);
        kept.discard();
        setKind("");
        setPersonIds([]);
        setText("");
        setSource("");
        setFile(undefined);
        if (fileInput.current !== null) {
          fileInput.current.value = "";
        }
        onWritten(entry);
      },
      (error: unknown) => {
        setBusy(false);
        const errors = validationErrorsOf(error);
        if (errors !== undefined) {
          feedback.showProblems(serverProblems(errors));
          return;
        }
        if (error instanceof ApiError && (error.status === 413 || error.status === 415)) {
          feedback.showProblems([
            {
              fieldId: field("file"),
              message: t(error.status === 413 ? "journal.errors.fileTooLarge" : "journal.errors.fileType"),
            },
          ]);
          return;
        }
        feedback.showFailure(error, { conflict: t("journal.errors.alreadyCorrected") });
      },
    );
  }

  const fileError = messageFor(feedback.problems, field("file"));
  const fileDescription = t("journal.form.fileDescription");
  const fileDescribedBy = describedByOf(field("file"), fileDescription, fileError);

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      className="schakel-form"
      aria-label={corrects === undefined ? t("journal.form.label") : t("journal.form.correctionLabel")}
    >
      <RequiredFieldsNote />
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      <KeptDraftNotice draft={kept} />
      <SelectField
        id={field("kind")}
        label={t("journal.form.kind")}
        value={kind}
        onChange={setKind}
        emptyOption={t("forms.choose")}
        options={journalKinds.map((value) => ({ value, label: t(`journal.kind.${value}`) }))}
        required
        error={messageFor(feedback.problems, field("kind"))}
      />
      <TextField
        id={field("date")}
        type="date"
        label={t("journal.form.date")}
        description={t("journal.form.dateDescription")}
        value={occurredOn}
        onChange={setOccurredOn}
        autoComplete="off"
        width="medium"
        max={today}
        required
        error={messageFor(feedback.problems, field("date"))}
      />
      <CheckboxGroupField
        id={field("persons")}
        legend={t("journal.form.persons")}
        values={personIds}
        onChange={setPersonIds}
        groups={[
          { options: detail.persons.map((p) => ({ value: p.id, label: personName(t, detail, p.id) })) },
        ]}
        error={messageFor(feedback.problems, field("persons"))}
      />
      {corrects === undefined ? (
        <RadioGroupField
          id={field("visibility")}
          legend={t("journal.form.visibility")}
          value={visibility}
          onChange={setVisibility}
          isRequired
          options={journalVisibilities.map((value) => ({
            value,
            label: t(`journal.visibility.${value}`),
            description: t(`journal.visibilityDescription.${value}`),
          }))}
          error={messageFor(feedback.problems, field("visibility"))}
        />
      ) : (
        <Paragraph>
          {t("journal.form.keepsVisibility", { visibility: t(`journal.visibility.${corrects.visibility}`) })}
        </Paragraph>
      )}
      <TextareaField
        id={field("text")}
        label={t("journal.form.text")}
        value={text}
        onChange={setText}
        required
        rows={6}
        maxLength={maxJournalText}
        error={messageFor(feedback.problems, field("text"))}
      />
      <TextField
        id={field("source")}
        label={t("journal.form.source")}
        description={t("journal.form.sourceDescription")}
        value={source}
        onChange={setSource}
        autoComplete="off"
        maxLength={maxJournalSource}
        isProse
        error={messageFor(feedback.problems, field("source"))}
      />
      <FormField invalid={fileError !== undefined} type="text">
        <FieldLabel id={field("file")} isRequired={kind === "document"}>
          {t("journal.form.file")}
        </FieldLabel>
        <FieldDescription id={field("file")}>{fileDescription}</FieldDescription>
        <FieldError id={field("file")}>{fileError}</FieldError>
        <div className="utrecht-form-field__input">
          <input
            ref={fileInput}
            id={field("file")}
            name={field("file")}
            type="file"
            accept={acceptedFiles}
            className="schakel-file-input"
            aria-invalid={fileError === undefined ? undefined : true}
            {...(fileDescribedBy === undefined ? {} : { "aria-describedby": fileDescribedBy })}
            onChange={(event) => setFile(event.target.files?.[0] ?? undefined)}
          />
        </div>
      </FormField>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isBusy}>
          {corrects === undefined ? t("journal.form.submit") : t("journal.form.submitCorrection")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
