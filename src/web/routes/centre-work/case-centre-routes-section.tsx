import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading3,
  Heading4,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type BoardRequest,
  boardOutcomes,
  type CentreTask,
  findings,
  type Trajectory,
} from "../../../shared/centre-work";
import {
  answerBoardRequest,
  completeTask,
  fetchCaseCentreWork,
  recordTrajectoryOutcome,
  requestBoardInvestigation,
  startTrajectory,
} from "../../api/centre-work";
import { ApiError } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { RadioGroupField, SelectField, TextareaField } from "../../components/form-fields";
import { LoadFailed } from "../../components/load-failed";
import { LoadingMessage } from "../../components/loading-message";
import { SuccessNotice, useSuccessNotice } from "../../components/success-notice";
import { TextField } from "../../components/text-field";
import { dateInAmsterdam } from "../../deadlines/working-days";
import { type FieldProblem, messageFor } from "../../forms/problems";
import { useFormatters } from "../../i18n/format";
import { can } from "../../session/capabilities";
import { useAuthenticatedUser } from "../../session/session-context";
import type { CaseSectionProps } from "../case/case-model";
import { Disclosure } from "../case/case-section";
import { isValidDate } from "../case/plan/plan-draft";
import { ActionForm } from "./action-form";
import { DueDate } from "./lateness";

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/**
 * The centre's own routes on a case: its trajectories (investigation, conditions and follow-up)
 * with start, 10-week date, lateness and outcome; the organisation's tasks towards the reporter
 * and the family; requests to the child protection board.
 */
export function CaseCentreRoutesSection(props: CaseSectionProps) {
  const { t } = useTranslation();
  const user = useAuthenticatedUser();
  const caseId = props.data.detail.id;
  const load = useCallback((signal: AbortSignal) => fetchCaseCentreWork(caseId, signal), [caseId]);
  const { resource, reload } = useResource(`case-centre-work-${caseId}`, load);
  // The page reloads after other actions too (the history grows): follow it.
  const historyLength = props.data.history.length;
  const seenLength = useRef(historyLength);
  useEffect(() => {
    if (seenLength.current !== historyLength) {
      seenLength.current = historyLength;
      reload();
    }
  }, [historyLength, reload]);

  if (resource.status === "loading") {
    return <LoadingMessage />;
  }
  if (resource.status !== "loaded") {
    return <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />;
  }
  const changed = () => {
    reload();
    props.onChanged();
  };
  const canDo = props.access.isWorking && can(user, "doCentreWork");
  const { trajectories, tasks, boardRequests } = resource.data;
  return (
    <>
      <Heading3>{t("centreWork.case.trajectoriesHeading")}</Heading3>
      {trajectories.length === 0 ? (
        <Paragraph>{t("centreWork.case.noTrajectories")}</Paragraph>
      ) : (
        trajectories.map((trajectory) => (
          <TrajectoryView
            key={trajectory.id}
            trajectory={trajectory}
            props={props}
            canRun={canDo && props.access.isOpen && trajectory.organisationId === user.organisationId}
            onChanged={changed}
          />
        ))
      )}
      <Heading3>{t("centreWork.case.tasksHeading")}</Heading3>
      {tasks.length === 0 ? (
        <Paragraph>{t("centreWork.case.noTasks")}</Paragraph>
      ) : (
        <UnorderedList className="schakel-plain-list">
          {tasks.map((task) => (
            <UnorderedListItem key={task.id}>
              <TaskView task={task} canDo={canDo} onChanged={changed} />
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      <Heading3>{t("centreWork.board.heading")}</Heading3>
      <Paragraph>{t("centreWork.board.explanation")}</Paragraph>
      {boardRequests.length === 0 ? (
        <Paragraph>{t("centreWork.board.none")}</Paragraph>
      ) : (
        boardRequests.map((request) => (
          <BoardRequestView key={request.id} request={request} canDo={canDo} onChanged={changed} />
        ))
      )}
      {canDo && props.access.isOpen ? <NewBoardRequestForm caseId={caseId} onChanged={changed} /> : null}
    </>
  );
}

function TrajectoryView({
  trajectory,
  props,
  canRun,
  onChanged,
}: {
  trajectory: Trajectory;
  props: CaseSectionProps;
  canRun: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const notice = useSuccessNotice();
  const kind = t(`centreWork.kind.${trajectory.kind}`);
  const isDone = trajectory.status === "done";
  return (
    <article aria-labelledby={`trajectory-${trajectory.id}`} className="schakel-trajectory">
      <Heading4 id={`trajectory-${trajectory.id}`}>
        {kind} — {t(`centreWork.status.${trajectory.status}`).toLocaleLowerCase()}
      </Heading4>
      <DataList className="schakel-details">
        {trajectory.keepReason === null ? null : (
          <Detail label={t("centreWork.keepReasonLabel")}>
            {t(`centreWork.keepReason.${trajectory.keepReason}`)}
          </Detail>
        )}
        <Detail label={t("centreWork.triagedOn")}>{format.shortDate(trajectory.triagedOn)}</Detail>
        <Detail label={t("centreWork.startedOn")}>
          {trajectory.startedOn === null
            ? t("centreWork.notStartedWaiting", { count: trajectory.waitDays })
            : `${format.shortDate(trajectory.startedOn)} (${t("centreWork.waited", { count: trajectory.waitDays })})`}
        </Detail>
        {trajectory.lateness.dueOn === null ? null : (
          <Detail label={t("centreWork.dueOn", { count: trajectory.weeks ?? 10 })}>
            <DueDate lateness={trajectory.lateness} isDone={isDone} />
          </Detail>
        )}
        {trajectory.completedOn === null ? null : (
          <Detail label={t("centreWork.completedOn")}>{format.shortDate(trajectory.completedOn)}</Detail>
        )}
      </DataList>
      {trajectory.outcome === null ? null : <OutcomeView trajectory={trajectory} names={props.names} />}
      <SuccessNotice message={notice.message} occurrence={notice.occurrence} />
      {canRun && trajectory.status === "not-started" ? (
        <StartForm
          trajectory={trajectory}
          onDone={() => {
            notice.show(t("centreWork.started", { kind }));
            onChanged();
          }}
        />
      ) : null}
      {canRun && trajectory.status === "running" ? (
        <Disclosure summary={t("centreWork.outcome.summary", { kind: kind.toLocaleLowerCase() })}>
          <OutcomeForm
            trajectory={trajectory}
            props={props}
            onDone={() => {
              notice.show(t("centreWork.outcome.done", { kind }));
              onChanged();
            }}
          />
        </Disclosure>
      ) : null}
    </article>
  );
}

function OutcomeView({ trajectory, names }: { trajectory: Trajectory; names: CaseSectionProps["names"] }) {
  const { t } = useTranslation();
  const outcome = trajectory.outcome;
  if (outcome === null) {
    return null;
  }
  return (
    <>
      <Paragraph>
        <strong>{t("centreWork.outcome.heading")}</strong>
      </Paragraph>
      <UnorderedList>
        {outcome.findings.map((finding) => (
          <UnorderedListItem key={finding.violenceType}>
            {names.violenceType(finding.violenceType)}:{" "}
            {t(`centreWork.finding.${finding.finding}`).toLocaleLowerCase()}
          </UnorderedListItem>
        ))}
        {outcome.conditions.map((condition) => (
          <UnorderedListItem key={condition.id}>
            {condition.text}:{" "}
            {t(condition.met ? "centreWork.outcome.met" : "centreWork.outcome.notMet").toLocaleLowerCase()}
          </UnorderedListItem>
        ))}
      </UnorderedList>
      {outcome.notes === undefined ? null : <Paragraph>{outcome.notes}</Paragraph>}
    </>
  );
}

function StartForm({ trajectory, onDone }: { trajectory: Trajectory; onDone: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(dateInAmsterdam(new Date()));
  const dateId = `start-${trajectory.id}`;
  const dateProblem = { fieldId: dateId, message: t("centreWork.errors.startDate") };
  return (
    <ActionForm
      submitLabel={t("centreWork.startAction", {
        kind: t(`centreWork.kind.${trajectory.kind}`).toLocaleLowerCase(),
      })}
      appearance="primary-action-button"
      check={() => (isValidDate(date) ? [] : [dateProblem])}
      send={() => startTrajectory(trajectory.id, date)}
      fieldOf={() => dateProblem}
      conflict={() => t("centreWork.errors.conflict")}
      onDone={onDone}
    >
      {(problems) => (
        <TextField
          id={dateId}
          type="date"
          label={t("centreWork.startedOn")}
          description={t("centreWork.startDescription", { count: 10 })}
          value={date}
          onChange={setDate}
          autoComplete="off"
          width="medium"
          required
          error={messageFor(problems, dateId)}
        />
      )}
    </ActionForm>
  );
}

function OutcomeForm({
  trajectory,
  props,
  onDone,
}: {
  trajectory: Trajectory;
  props: CaseSectionProps;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState(dateInAmsterdam(new Date()));
  const [chosen, setChosen] = useState<Record<string, (typeof findings)[number]>>({});
  const [notes, setNotes] = useState("");
  const base = `outcome-${trajectory.id}`;
  const isInvestigation = trajectory.kind === "investigation";
  const conditions = props.data.plan.document.plan.safetyConditions;
  const findingId = (type: string) => `${base}-finding-${type}`;
  const dateProblem = { fieldId: `${base}-date`, message: t("centreWork.errors.completedDate") };
  return (
    <ActionForm
      submitLabel={t("centreWork.outcome.submit")}
      check={() => [
        ...(isValidDate(date) ? [] : [dateProblem]),
        ...(isInvestigation
          ? trajectory.violenceTypes
              .filter((type) => chosen[type] === undefined)
              .map((type) => ({
                fieldId: findingId(type),
                message: t("centreWork.errors.finding", { type: props.names.violenceType(type) }),
              }))
          : []),
      ]}
      send={() =>
        recordTrajectoryOutcome(trajectory.id, {
          completedOn: date,
          ...(isInvestigation
            ? {
                findings: trajectory.violenceTypes.map((type) => ({
                  violenceType: type,
                  finding: chosen[type] ?? "confirmed",
                })),
              }
            : {}),
          ...(notes.trim() === "" ? {} : { notes: notes.trim() }),
        })
      }
      fieldOf={(path): FieldProblem =>
        path.startsWith("notes")
          ? { fieldId: `${base}-notes`, message: t("centreWork.errors.notes") }
          : path.startsWith("findings")
            ? {
                fieldId: findingId(trajectory.violenceTypes[0] ?? ""),
                message: t("centreWork.errors.findings"),
              }
            : dateProblem
      }
      conflict={(error) =>
        error instanceof ApiError && error.hasType("/no-safety-condition")
          ? t("centreWork.errors.noConditions")
          : t("centreWork.errors.conflict")
      }
      onDone={onDone}
    >
      {(problems) => (
        <>
          {isInvestigation ? (
            trajectory.violenceTypes.map((type) => (
              <RadioGroupField
                key={type}
                id={findingId(type)}
                legend={props.names.violenceType(type)}
                value={chosen[type] ?? ""}
                onChange={(value) => setChosen((current) => ({ ...current, [type]: value }))}
                options={findings.map((value) => ({ value, label: t(`centreWork.finding.${value}`) }))}
                isInline
                isRequired
                error={messageFor(problems, findingId(type))}
              />
            ))
          ) : (
            <>
              <Paragraph>{t("centreWork.outcome.fromPlan")}</Paragraph>
              {conditions.length === 0 ? (
                <Alert type="warning">
                  <Paragraph>{t("centreWork.errors.noConditions")}</Paragraph>
                </Alert>
              ) : (
                <UnorderedList>
                  {conditions.map((condition) => (
                    <UnorderedListItem key={condition.id ?? condition.text}>
                      {condition.text}:{" "}
                      {t(
                        condition.met ? "centreWork.outcome.met" : "centreWork.outcome.notMet",
                      ).toLocaleLowerCase()}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              )}
            </>
          )}
          <TextField
            id={`${base}-date`}
            type="date"
            label={t("centreWork.completedOn")}
            value={date}
            onChange={setDate}
            autoComplete="off"
            width="medium"
            required
            error={messageFor(problems, `${base}-date`)}
          />
          <TextareaField
            id={`${base}-notes`}
            label={t("centreWork.outcome.notes")}
            value={notes}
            onChange={setNotes}
            rows={3}
            maxLength={5000}
            error={messageFor(problems, `${base}-notes`)}
          />
        </>
      )}
    </ActionForm>
  );
}

/** A task of the organisation: what, for which report, due, lateness, and the form to mark it done. */
export function TaskView({
  task,
  canDo,
  onChanged,
}: {
  task: CentreTask;
  canDo: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const notice = useSuccessNotice();
  const isDone = task.doneOn !== null;
  return (
    <>
      <strong>{t(`centreWork.taskKind.${task.kind}`)}</strong> —{" "}
      {t("centreWork.task.report", { reference: task.reportReference })}. {t("centreWork.task.due")}{" "}
      <DueDate lateness={task.lateness} isDone={isDone} />
      {task.reporterProtected === null ? null : (
        <Alert type="warning">
          <Paragraph>
            <strong>{t("centreWork.task.reporterProtected")}</strong> {task.reporterProtected.reason}
          </Paragraph>
        </Alert>
      )}
      {task.doneOn === null ? null : (
        <Paragraph>
          {t("centreWork.task.doneOn", { date: format.shortDate(task.doneOn) })} {task.doneNotes}
        </Paragraph>
      )}
      <SuccessNotice message={notice.message} occurrence={notice.occurrence} />
      {canDo && !isDone ? (
        <Disclosure
          summary={t("centreWork.task.markDone", {
            kind: t(`centreWork.taskKind.${task.kind}`),
          })}
        >
          <TaskDoneForm
            task={task}
            onDone={() => {
              notice.show(t("centreWork.task.done"));
              onChanged();
            }}
          />
        </Disclosure>
      ) : null}
    </>
  );
}

function TaskDoneForm({ task, onDone }: { task: CentreTask; onDone: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(dateInAmsterdam(new Date()));
  const [notes, setNotes] = useState("");
  const base = `task-${task.id}`;
  const dateProblem = { fieldId: `${base}-date`, message: t("centreWork.errors.doneDate") };
  const notesProblem = { fieldId: `${base}-notes`, message: t("centreWork.errors.said") };
  return (
    <ActionForm
      submitLabel={t("centreWork.task.submit")}
      check={() => [
        ...(isValidDate(date) ? [] : [dateProblem]),
        ...(notes.trim() === "" ? [notesProblem] : []),
      ]}
      send={() => completeTask(task.id, { doneOn: date, notes: notes.trim() })}
      fieldOf={(path) => (path.startsWith("notes") ? notesProblem : dateProblem)}
      conflict={() => t("centreWork.errors.conflict")}
      onDone={onDone}
    >
      {(problems) => (
        <>
          <TextareaField
            id={`${base}-notes`}
            label={t("centreWork.task.said")}
            description={t(`centreWork.task.saidDescription.${task.kind}`)}
            value={notes}
            onChange={setNotes}
            rows={3}
            maxLength={5000}
            required
            error={messageFor(problems, `${base}-notes`)}
          />
          <TextField
            id={`${base}-date`}
            type="date"
            label={t("centreWork.task.doneOnLabel")}
            value={date}
            onChange={setDate}
            autoComplete="off"
            width="medium"
            required
            error={messageFor(problems, `${base}-date`)}
          />
        </>
      )}
    </ActionForm>
  );
}

function BoardRequestView({
  request,
  canDo,
  onChanged,
}: {
  request: BoardRequest;
  canDo: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <article aria-labelledby={`board-${request.id}`} className="schakel-trajectory">
      <Heading4 id={`board-${request.id}`}>
        {t("centreWork.board.requestOf", { date: format.shortDate(request.requestedOn) })}
      </Heading4>
      <DataList className="schakel-details">
        <Detail label={t("centreWork.board.question")}>{request.question}</Detail>
        <Detail label={t("centreWork.board.by")}>{request.requestedBy.name ?? "—"}</Detail>
        {request.answer === null ? (
          <Detail label={t("centreWork.board.answer")}>{t("centreWork.board.awaiting")}</Detail>
        ) : (
          <>
            <Detail label={t("centreWork.board.answeredOn")}>
              {format.shortDate(request.answer.answeredOn)}
            </Detail>
            <Detail label={t("centreWork.board.outcome")}>
              {t(`centreWork.boardOutcome.${request.answer.outcome}`)}
            </Detail>
            <Detail label={t("centreWork.board.answer")}>{request.answer.text}</Detail>
          </>
        )}
      </DataList>
      {canDo && request.answer === null ? (
        <Disclosure summary={t("centreWork.board.recordAnswer")}>
          <BoardAnswerForm request={request} onDone={onChanged} />
        </Disclosure>
      ) : null}
    </article>
  );
}

function NewBoardRequestForm({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(dateInAmsterdam(new Date()));
  const [question, setQuestion] = useState("");
  const notice = useSuccessNotice();
  const dateProblem = { fieldId: "board-request-date", message: t("centreWork.errors.requestDate") };
  const questionProblem = { fieldId: "board-request-question", message: t("centreWork.errors.question") };
  return (
    <>
      <SuccessNotice message={notice.message} occurrence={notice.occurrence} />
      <Disclosure summary={t("centreWork.board.new")}>
        <ActionForm
          submitLabel={t("centreWork.board.submit")}
          check={() => [
            ...(isValidDate(date) ? [] : [dateProblem]),
            ...(question.trim() === "" ? [questionProblem] : []),
          ]}
          send={() => requestBoardInvestigation(caseId, { requestedOn: date, question: question.trim() })}
          fieldOf={(path) => (path.startsWith("question") ? questionProblem : dateProblem)}
          onDone={() => {
            setQuestion("");
            notice.show(t("centreWork.board.requested"));
            onChanged();
          }}
        >
          {(problems) => (
            <>
              <TextareaField
                id="board-request-question"
                label={t("centreWork.board.question")}
                description={t("centreWork.board.questionDescription")}
                value={question}
                onChange={setQuestion}
                rows={3}
                maxLength={5000}
                required
                error={messageFor(problems, "board-request-question")}
              />
              <TextField
                id="board-request-date"
                type="date"
                label={t("centreWork.board.requestedOn")}
                value={date}
                onChange={setDate}
                autoComplete="off"
                width="medium"
                required
                error={messageFor(problems, "board-request-date")}
              />
            </>
          )}
        </ActionForm>
      </Disclosure>
    </>
  );
}

function BoardAnswerForm({ request, onDone }: { request: BoardRequest; onDone: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(dateInAmsterdam(new Date()));
  const [outcome, setOutcome] = useState<(typeof boardOutcomes)[number] | "">("");
  const [text, setText] = useState("");
  const base = `board-answer-${request.id}`;
  const dateProblem = { fieldId: `${base}-date`, message: t("centreWork.errors.answerDate") };
  const outcomeProblem = { fieldId: `${base}-outcome`, message: t("centreWork.errors.boardOutcome") };
  const textProblem = { fieldId: `${base}-text`, message: t("centreWork.errors.answerText") };
  return (
    <ActionForm
      submitLabel={t("centreWork.board.submitAnswer")}
      check={() => [
        ...(isValidDate(date) ? [] : [dateProblem]),
        ...(outcome === "" ? [outcomeProblem] : []),
        ...(text.trim() === "" ? [textProblem] : []),
      ]}
      send={() =>
        answerBoardRequest(request.id, { answeredOn: date, outcome: outcome || "other", text: text.trim() })
      }
      fieldOf={(path) =>
        path.startsWith("text") ? textProblem : path.startsWith("outcome") ? outcomeProblem : dateProblem
      }
      conflict={() => t("centreWork.errors.conflict")}
      onDone={onDone}
    >
      {(problems) => (
        <>
          <SelectField
            id={`${base}-outcome`}
            label={t("centreWork.board.outcome")}
            value={outcome}
            onChange={setOutcome}
            emptyOption={t("forms.choose")}
            options={boardOutcomes.map((value) => ({ value, label: t(`centreWork.boardOutcome.${value}`) }))}
            required
            error={messageFor(problems, `${base}-outcome`)}
          />
          <TextareaField
            id={`${base}-text`}
            label={t("centreWork.board.answer")}
            value={text}
            onChange={setText}
            rows={3}
            maxLength={5000}
            required
            error={messageFor(problems, `${base}-text`)}
          />
          <TextField
            id={`${base}-date`}
            type="date"
            label={t("centreWork.board.answeredOn")}
            value={date}
            onChange={setDate}
            autoComplete="off"
            width="medium"
            required
            error={messageFor(problems, `${base}-date`)}
          />
        </>
      )}
    </ActionForm>
  );
}
