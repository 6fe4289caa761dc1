import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading3,
  Paragraph,
} from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportDetail, SafetyAssessmentInput } from "../../../shared/intake";
import { type RiskChecklist, type RiskLevel, recordSafetyAssessment } from "../../api/intake";
import { ErrorSummary } from "../../components/error-summary";
import { RequiredFieldsNote } from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import { RadioGroupField, SelectField, TextareaField } from "../../components/form-fields";
import { KeptDraftNotice } from "../../components/kept-draft-notice";
import { type FieldProblem, messageFor, validationErrorsOf } from "../../forms/problems";
import { type ChecklistAnswer, levelRank, riskLevels, scoreChecklist } from "../../forms/risk-checklist";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { useKeptDraft } from "../../forms/use-kept-draft";

type YesNo = "yes" | "no";
const checklistAnswers = ["yes", "no", "unknown"] as const;

const checklistFieldId = (itemId: string) => `checklist-${itemId}`;

/**
 * The safety assessment: acute and structural unsafety, immediate measures, notes, and the risk
 * checklist. The checklist's score and level are shown live as an aid, never as a verdict; the
 * professional may raise the level, never lower it.
 */
export function SafetyAssessmentForm({
  report,
  checklist,
  onRecorded,
}: {
  report: ReportDetail;
  checklist: RiskChecklist | null;
  onRecorded: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "nl";
  const previous = report.assessment;
  const [acute, setAcute] = useState<YesNo | "">(
    previous === undefined ? "" : previous.acuteUnsafety ? "yes" : "no",
  );
  const [structural, setStructural] = useState<YesNo | "">(
    previous === undefined ? "" : previous.structuralUnsafety ? "yes" : "no",
  );
  const [measures, setMeasures] = useState(previous?.immediateMeasures.join("\n") ?? "");
  const [notes, setNotes] = useState(previous?.notes ?? "");
  const [answers, setAnswers] = useState<Record<string, ChecklistAnswer>>(previous?.checklist?.answers ?? {});
  const [professionalLevel, setProfessionalLevel] = useState<RiskLevel | "">(
    previous?.checklist?.professionalLevel ?? "",
  );
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const kept = useKeptDraft(
    `assessment:${report.id}`,
    { acute, structural, measures, notes, answers, professionalLevel },
    (saved) => {
      setAcute(saved.acute);
      setStructural(saved.structural);
      setMeasures(saved.measures);
      setNotes(saved.notes);
      setAnswers(saved.answers);
      setProfessionalLevel(saved.professionalLevel);
    },
  );

  const result = checklist === null ? null : scoreChecklist(checklist, answers);
  // A judgement at or below the checklist's level adds nothing: the level is never lowered.
  const raisedLevel =
    result !== null && professionalLevel !== "" && levelRank(professionalLevel) > levelRank(result.level)
      ? professionalLevel
      : "";
  const shownLevel = raisedLevel === "" ? result?.level : raisedLevel;

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const problems: FieldProblem[] = [];
    if (acute === "") {
      problems.push({ fieldId: "acute-unsafety", message: t("assessment.errors.acute") });
    }
    if (structural === "") {
      problems.push({ fieldId: "structural-unsafety", message: t("assessment.errors.structural") });
    }
    if (problems.length > 0 || acute === "" || structural === "") {
      feedback.showProblems(problems);
      return;
    }
    const immediateMeasures = measures
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
    const hasChecklist = checklist !== null && (Object.keys(answers).length > 0 || raisedLevel !== "");
    const body: SafetyAssessmentInput = {
      acuteUnsafety: acute === "yes",
      structuralUnsafety: structural === "yes",
      immediateMeasures,
      ...(notes.trim() === "" ? {} : { notes: notes.trim() }),
      ...(hasChecklist
        ? { checklist: { answers, ...(raisedLevel === "" ? {} : { professionalLevel: raisedLevel }) } }
        : {}),
    };
    setBusy(true);
    feedback.clear();
    recordSafetyAssessment(report.id, body).then(
      (answer) => {
        setBusy(false);
        kept.discard();
        const level = answer.checklistResult?.level;
        onRecorded(
          level === undefined
            ? t("assessment.recorded")
            : t("assessment.recordedWithLevel", { level: t(`riskLevel.${level}`).toLocaleLowerCase() }),
        );
      },
      (error: unknown) => {
        setBusy(false);
        const errors = validationErrorsOf(error);
        if (errors !== undefined && errors.length > 0) {
          feedback.showProblems(
            errors.map(({ path }) => {
              if (path.startsWith("acuteUnsafety")) {
                return { fieldId: "acute-unsafety", message: t("assessment.errors.acute") };
              }
              if (path.startsWith("structuralUnsafety")) {
                return { fieldId: "structural-unsafety", message: t("assessment.errors.structural") };
              }
              if (path.startsWith("immediateMeasures")) {
                return { fieldId: "immediate-measures", message: t("assessment.errors.measures") };
              }
              if (path.startsWith("notes")) {
                return { fieldId: "assessment-notes", message: t("assessment.errors.notes") };
              }
              const item = /^checklist\.answers\.(.+)$/.exec(path)?.[1];
              if (item !== undefined && checklist?.items.some((candidate) => candidate.id === item)) {
                return { fieldId: checklistFieldId(item), message: t("assessment.errors.checklist") };
              }
              return { fieldId: "acute-unsafety", message: t("forms.errors.invalid") };
            }),
          );
          return;
        }
        feedback.showFailure(error, { conflict: t("assessment.errors.conflict") });
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
        id="acute-unsafety"
        legend={t("assessment.acute")}
        description={t("assessment.acuteDescription")}
        value={acute}
        onChange={setAcute}
        options={[
          { value: "yes", label: t("forms.yes") },
          { value: "no", label: t("forms.no") },
        ]}
        isRequired
        error={messageFor(feedback.problems, "acute-unsafety")}
      />
      <RadioGroupField
        id="structural-unsafety"
        legend={t("assessment.structural")}
        description={t("assessment.structuralDescription")}
        value={structural}
        onChange={setStructural}
        options={[
          { value: "yes", label: t("forms.yes") },
          { value: "no", label: t("forms.no") },
        ]}
        isRequired
        error={messageFor(feedback.problems, "structural-unsafety")}
      />
      <TextareaField
        id="immediate-measures"
        label={t("assessment.measures")}
        description={t("assessment.measuresDescription")}
        value={measures}
        onChange={setMeasures}
        rows={4}
        error={messageFor(feedback.problems, "immediate-measures")}
      />
      <TextareaField
        id="assessment-notes"
        label={t("assessment.notes")}
        value={notes}
        onChange={setNotes}
        rows={4}
        maxLength={10_000}
        error={messageFor(feedback.problems, "assessment-notes")}
      />

      {checklist === null || result === null ? (
        <Paragraph>{t("assessment.noChecklist")}</Paragraph>
      ) : (
        <Fieldset className="schakel-fieldset schakel-checklist">
          <FieldsetLegend>{checklist.title[language]}</FieldsetLegend>
          <Paragraph>{t("assessment.checklistIntro")}</Paragraph>
          <ol className="utrecht-ordered-list schakel-checklist__items">
            {checklist.items.map((item) => (
              <li key={item.id} className="utrecht-ordered-list__item">
                <RadioGroupField
                  id={checklistFieldId(item.id)}
                  legend={item.text[language]}
                  value={answers[item.id] ?? ""}
                  onChange={(answer) => setAnswers((current) => ({ ...current, [item.id]: answer }))}
                  options={checklistAnswers.map((answer) => ({
                    value: answer,
                    label: t(`checklistAnswer.${answer}`),
                  }))}
                  isInline
                  error={messageFor(feedback.problems, checklistFieldId(item.id))}
                />
              </li>
            ))}
          </ol>
          <div className="schakel-checklist__result">
            <Heading3>{t("assessment.resultHeading")}</Heading3>
            <Paragraph role="status" id="checklist-result">
              {t("assessment.score", { score: result.score, maximum: result.maximum })}{" "}
              {t("assessment.computedLevel", { level: t(`riskLevel.${result.level}`).toLocaleLowerCase() })}
              {raisedLevel === "" ? null : (
                <>
                  {" "}
                  {t("assessment.raisedLevel", { level: t(`riskLevel.${raisedLevel}`).toLocaleLowerCase() })}
                </>
              )}
            </Paragraph>
            <Paragraph>
              {t("assessment.thresholds", {
                medium: checklist.thresholds.medium,
                high: checklist.thresholds.high,
              })}{" "}
              <strong>{t("assessment.aidNotVerdict")}</strong>
            </Paragraph>
            <SelectField
              id="professional-level"
              label={t("assessment.professionalLevel")}
              description={t("assessment.professionalLevelDescription")}
              value={raisedLevel}
              onChange={setProfessionalLevel}
              emptyOption={t("assessment.followChecklist", {
                level: t(`riskLevel.${result.level}`).toLocaleLowerCase(),
              })}
              options={riskLevels
                .filter((level) => levelRank(level) > levelRank(result.level))
                .map((level) => ({ value: level, label: t(`assessment.raiseTo.${level}`) }))}
            />
            {shownLevel === undefined ? null : (
              <Paragraph>
                {t("assessment.levelToRecord", { level: t(`riskLevel.${shownLevel}`).toLocaleLowerCase() })}
              </Paragraph>
            )}
          </div>
        </Fieldset>
      )}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isBusy}>
          {t(previous === undefined ? "assessment.submit" : "assessment.resubmit")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
