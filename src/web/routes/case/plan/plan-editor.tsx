import { Button, ButtonGroup, Heading2, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CaseDetail } from "../../../../shared/cases";
import type { Organisation } from "../../../../shared/reference";
import { ApiError } from "../../../api/client";
import { fetchPlan, fetchPlanVersions, type LoadedPlan, savePlan } from "../../../api/safety-plan";
import type { ReferenceNames } from "../../../api/use-reference";
import { ErrorSummary } from "../../../components/error-summary";
import { RequiredFieldsNote } from "../../../components/field-parts";
import { FormFailure } from "../../../components/form-failure";
import { TextareaField } from "../../../components/form-fields";
import { KeptDraftNotice } from "../../../components/kept-draft-notice";
import { SuccessNotice, useSuccessNotice } from "../../../components/success-notice";
import { validationErrorsOf } from "../../../forms/problems";
import { useFormFeedback } from "../../../forms/use-form-feedback";
import { useKeptDraft } from "../../../forms/use-kept-draft";
import { useFormatters } from "../../../i18n/format";
import { useAuthenticatedUser } from "../../../session/session-context";
import { isChild, personName, planAuthor } from "../case-model";
import { AgreementsEditor, ScoresEditor } from "./plan-agreements-editor";
import { PlanConflict, RebasedNotice } from "./plan-conflict";
import { checkDraft, draftFromPlan, type PlanDraft, type PlanField, planFromDraft } from "./plan-draft";
import { ConditionsEditor, NetworkEditor, RisksEditor } from "./plan-lists";
import { fieldProblemsOf, serverProblemsOf } from "./plan-problems";
import { rebaseDraft } from "./plan-rebase";

interface Conflict {
  newest: LoadedPlan;
  author: string;
  occurrence: number;
}

/**
 * The safety plan editor. It saves with If-Match on the version it started from; when someone
 * else saved first (412) it fetches the newest version, shows what changed meanwhile, keeps the
 * user's edits in the form, and re-applies them to the newest version on request — nothing typed
 * is lost.
 */
export function PlanEditor({
  detail,
  loaded,
  owners,
  names,
  userNames,
}: {
  detail: CaseDetail;
  loaded: LoadedPlan;
  owners: Organisation[];
  names: ReferenceNames;
  userNames: Map<string, string>;
}) {
  const { t } = useTranslation();
  const user = useAuthenticatedUser();
  const format = useFormatters();
  const [base, setBase] = useState(loaded);
  // Who saved the version being edited, as the editor learned it (page load, own save, conflict).
  const [baseAuthor, setBaseAuthor] = useState(() =>
    planAuthor(t, loaded.document.updatedBy, userNames, names.organisation),
  );
  const [baseDraft, setBaseDraft] = useState(() =>
    draftFromPlan(loaded.document.plan, loaded.document.version),
  );
  const [draft, setDraft] = useState<PlanDraft>(baseDraft);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [rebased, setRebased] = useState<{
    version: number;
    overlaps: PlanField[];
    occurrence: number;
  } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const occurrence = useRef(0);
  const saved = useSuccessNotice();
  const feedback = useFormFeedback();
  const problems = feedback.problems;
  const next = () => {
    occurrence.current += 1;
    return occurrence.current;
  };

  // What was typed survives an expired session; when the plan moved on meanwhile, the kept
  // edits are re-applied to the newest version as after a conflict.
  const kept = useKeptDraft(
    `plan:${detail.id}`,
    { baseVersion: base.document.version, base: baseDraft, draft },
    (saved) => {
      if (saved.baseVersion === base.document.version) {
        setDraft(saved.draft);
        return;
      }
      const result = rebaseDraft(saved.base, saved.draft, baseDraft);
      setDraft(result.draft);
      setRebased({ version: base.document.version, overlaps: result.overlaps, occurrence: next() });
    },
    { isPristine: (value) => JSON.stringify(value.draft) === JSON.stringify(value.base) },
  );

  const update = (patch: Partial<PlanDraft>) => setDraft((current) => ({ ...current, ...patch }));

  function start(from: LoadedPlan, author: string, nextDraft?: PlanDraft): void {
    const fromDraft = draftFromPlan(from.document.plan, from.document.version);
    setBase(from);
    setBaseAuthor(author);
    setBaseDraft(fromDraft);
    setDraft(nextDraft ?? fromDraft);
  }

  async function loadConflict(): Promise<void> {
    const [newest, versions] = await Promise.all([fetchPlan(detail.id), fetchPlanVersions(detail.id)]);
    const version = versions.find((candidate) => candidate.version === newest.document.version);
    const author =
      version?.authorName === null || version?.authorName === undefined
        ? planAuthor(t, newest.document.updatedBy, userNames, names.organisation)
        : t("plan.author.named", {
            name: version.authorName,
            organisation:
              version.authorOrganisationId === null
                ? t("plan.author.unknown")
                : names.organisation(version.authorOrganisationId),
          });
    setConflict({ newest, author, occurrence: next() });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const found = checkDraft(draft);
    if (found.length > 0) {
      feedback.showProblems(fieldProblemsOf(t, found));
      return;
    }
    setBusy(true);
    feedback.clear();
    saved.clear();
    savePlan(detail.id, planFromDraft(draft), base.etag)
      .then(
        (result) => {
          kept.discard();
          start(
            result,
            t("plan.author.named", {
              name: user.displayName,
              organisation: names.organisation(user.organisationId),
            }),
          );
          setConflict(null);
          setRebased(null);
          saved.show(t("plan.saved", { version: result.document.version }));
        },
        async (error: unknown) => {
          if (error instanceof ApiError && error.status === 412) {
            setRebased(null);
            await loadConflict();
            return;
          }
          const errors = validationErrorsOf(error);
          const placed = errors === undefined ? [] : serverProblemsOf(t, draft, errors);
          if (placed.length > 0) {
            feedback.showProblems(placed);
            return;
          }
          feedback.showFailure(error, { forbidden: t("plan.errors.forbidden") });
        },
      )
      .then(
        () => {
          setBusy(false);
        },
        (error: unknown) => {
          // Fetching the newest version after a conflict failed.
          setBusy(false);
          feedback.showFailure(error);
        },
      );
  }

  function handleReapply(): void {
    if (conflict === null) {
      return;
    }
    const { newest } = conflict;
    const theirs = draftFromPlan(newest.document.plan, newest.document.version);
    const result = rebaseDraft(baseDraft, draft, theirs);
    start(newest, conflict.author, result.draft);
    setConflict(null);
    setRebased({ version: newest.document.version, overlaps: result.overlaps, occurrence: next() });
  }

  const children = detail.persons.filter(
    (person) => isChild(person) || Object.hasOwn(draft.childrenWords, person.id),
  );

  return (
    <>
      <SuccessNotice message={saved.message} occurrence={saved.occurrence}>
        <Paragraph>
          <Link to={`/zaken/${detail.id}`} className="utrecht-link">
            {t("plan.backToCase", { reference: detail.reference })}
          </Link>
        </Paragraph>
      </SuccessNotice>
      {conflict === null ? null : (
        <PlanConflict
          started={base.document}
          newest={conflict.newest.document}
          author={conflict.author}
          detail={detail}
          names={names}
          occurrence={conflict.occurrence}
          onReapply={handleReapply}
        />
      )}
      {rebased === null ? null : (
        <RebasedNotice
          version={rebased.version}
          overlaps={rebased.overlaps}
          occurrence={rebased.occurrence}
        />
      )}
      <form noValidate onSubmit={handleSubmit} className="schakel-form schakel-plan-form">
        <RequiredFieldsNote />
        <ErrorSummary problems={problems} occurrence={feedback.occurrence} />
        <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
        <KeptDraftNotice draft={kept} />
        <Paragraph id="plan-editing-version">
          {t("plan.editingVersion", {
            version: base.document.version,
            at: format.dateTime(base.document.updatedAt),
            author: baseAuthor,
          })}
        </Paragraph>

        <Heading2>{t("plan.parts.aims")}</Heading2>
        <TextareaField
          id="plan-concerns"
          label={t("plan.fields.concerns")}
          description={t("plan.descriptions.concerns")}
          value={draft.concerns}
          onChange={(concerns) => update({ concerns })}
          rows={4}
          maxLength={10_000}
        />
        <TextareaField
          id="plan-goal"
          label={t("plan.fields.goal")}
          description={t("plan.descriptions.goal")}
          value={draft.goal}
          onChange={(goal) => update({ goal })}
          rows={2}
          maxLength={2000}
        />

        <Heading2>{t("plan.fields.safetyConditions")}</Heading2>
        <Paragraph>{t("plan.descriptions.safetyConditions")}</Paragraph>
        <ConditionsEditor
          items={draft.safetyConditions}
          onChange={(safetyConditions) => update({ safetyConditions })}
          problems={problems}
        />

        <Heading2>{t("plan.fields.risks")}</Heading2>
        <RisksEditor items={draft.risks} onChange={(risks) => update({ risks })} problems={problems} />

        <Heading2>{t("plan.fields.agreements")}</Heading2>
        <Paragraph>{t("plan.descriptions.agreements")}</Paragraph>
        <AgreementsEditor
          items={draft.agreements}
          onChange={(agreements) => update({ agreements })}
          problems={problems}
          owners={owners}
          organisationName={names.organisation}
        />

        <Heading2>{t("plan.fields.network")}</Heading2>
        <Paragraph>{t("plan.descriptions.network")}</Paragraph>
        <NetworkEditor
          items={draft.network}
          onChange={(network) => update({ network })}
          problems={problems}
        />

        <Heading2>{t("plan.fields.safetyScores")}</Heading2>
        <Paragraph>{t("plan.descriptions.safetyScores")}</Paragraph>
        <ScoresEditor
          items={draft.safetyScores}
          onChange={(safetyScores) => update({ safetyScores })}
          problems={problems}
        />

        <Heading2>{t("plan.parts.words")}</Heading2>
        <TextareaField
          id="plan-familyWords"
          label={t("plan.fields.familyWords")}
          description={t("plan.descriptions.familyWords")}
          value={draft.familyWords}
          onChange={(familyWords) => update({ familyWords })}
          rows={4}
          maxLength={10_000}
        />
        {children.length === 0 ? (
          <Paragraph>{t("plan.noChildren")}</Paragraph>
        ) : (
          children.map((child) => (
            <TextareaField
              key={child.id}
              id={`plan-child-${child.id}`}
              label={t("plan.childWords", { name: personName(t, detail, child.id) })}
              description={t("plan.descriptions.childWords")}
              value={draft.childrenWords[child.id] ?? ""}
              onChange={(words) => update({ childrenWords: { ...draft.childrenWords, [child.id]: words } })}
              rows={3}
              maxLength={5000}
            />
          ))
        )}

        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isBusy}>
            {t("plan.save")}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
