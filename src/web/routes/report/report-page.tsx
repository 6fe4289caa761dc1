import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Heading3,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import type { earlierInvolvementDetails, ReportDetail } from "../../../shared/intake";
import { fetchReport, fetchRiskChecklist, type RiskChecklist } from "../../api/intake";
import { fetchReportHousehold } from "../../api/intake-household";
import { isUuid } from "../../api/page";
import type { ReferenceData } from "../../api/reference";
import { type ReferenceNames, useReferenceData, useReferenceNames } from "../../api/use-reference";
import { type Resource, useResource } from "../../api/use-resource";
import { Deadline } from "../../components/deadline";
import { LatenessNote } from "../../components/lateness-note";
import { LoadFailed } from "../../components/load-failed";
import { LoadingMessage } from "../../components/loading-message";
import { PageHeading } from "../../components/page-heading";
import { useDocumentTitle } from "../../components/use-document-title";
import { relationSentence } from "../../forms/relation-sentence";
import { useFormatters } from "../../i18n/format";
import { can, isCentreUser } from "../../session/capabilities";
import { useAuthenticatedUser } from "../../session/session-context";
import { ReporterProtectionSection } from "../centre-work/reporter-protection-section";
import { NoAccessPage } from "../no-access-page";
import { NotFoundPage } from "../not-found-page";
import { HouseholdSection } from "./household-section";
import { KindChangeForm } from "./kind-change-form";
import { MatchList } from "./match-list";
import { reportPersonName, reportSentencePerson } from "./report-person";
import { SafetyAssessmentForm } from "./safety-assessment-form";
import { TriageForm } from "./triage-form";

type EarlierDetail = (typeof earlierInvolvementDetails)[number];

interface ReportPageData {
  report: ReportDetail;
  reference: ReferenceData;
}

/** The report page (/meldingen/:id): what came in, the household, deadlines, matches, assessment and triage. */
export function ReportPage() {
  const user = useAuthenticatedUser();
  if (!can(user, "readReports")) {
    return <NoAccessPage />;
  }
  return <ReportLoader />;
}

function ReportLoader() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { reference, reload: reloadReference } = useReferenceData();
  const load = useCallback(
    (signal: AbortSignal) => (isUuid(id) ? fetchReport(id, signal) : Promise.reject(new Error("not an id"))),
    [id],
  );
  const { resource, reload } = useResource(`report-${id}`, load);

  // An address that cannot name one is simply not found (the API would refuse it as invalid).
  if (!isUuid(id) || resource.status === "not-found") {
    return <NotFoundPage />;
  }
  if (resource.status === "failed") {
    return (
      <>
        <PageHeading>{t("report.titleUnknown")}</PageHeading>
        <LoadFailed error={resource.error} onRetry={reload} />
      </>
    );
  }
  if (reference.status === "failed" || reference.status === "not-found") {
    return (
      <>
        <PageHeading>{t("report.titleUnknown")}</PageHeading>
        <LoadFailed
          error={reference.status === "failed" ? reference.error : undefined}
          onRetry={reloadReference}
        />
      </>
    );
  }
  if (resource.status === "loading" || reference.status === "loading") {
    return <LoadingMessage />;
  }
  return <ReportView data={{ report: resource.data, reference: reference.data }} onChanged={reload} />;
}

interface Notice {
  message: string;
  caseId?: string | undefined;
  occurrence: number;
}

function ReportView({ data, onChanged }: { data: ReportPageData; onChanged: () => void }) {
  const { t } = useTranslation();
  const user = useAuthenticatedUser();
  const location = useLocation();
  const format = useFormatters();
  const { report, reference } = data;
  const names = useReferenceNames(reference);
  const title = t("report.title", { kind: t(`reportKind.${report.kind}`), reference: report.reference });
  useDocumentTitle(title);

  const isCentre = isCentreUser(user, reference.organisations);
  const canWork = isCentre && can(user, "workReports");
  const isOpen = report.status !== "triaged";
  const createdReference = (location.state as { created?: unknown } | null)?.created;

  const checklistLoad = useCallback(
    (signal: AbortSignal) => (canWork && isOpen ? fetchRiskChecklist(signal) : Promise.resolve(null)),
    [canWork, isOpen],
  );
  const { resource: checklist } = useResource(`checklist-${canWork && isOpen}`, checklistLoad);
  const householdLoad = useCallback(
    (signal: AbortSignal) => fetchReportHousehold(report.id, signal),
    [report.id],
  );
  const { resource: household, reload: reloadHousehold } = useResource(
    `household-${report.id}`,
    householdLoad,
  );

  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice !== null) {
      noticeRef.current?.focus();
    }
  }, [notice]);

  const showNotice = (message: string, caseId?: string) => {
    setNotice((current) => ({ message, caseId, occurrence: (current?.occurrence ?? 0) + 1 }));
    onChanged();
    reloadHousehold();
  };

  return (
    <>
      <PageHeading>{title}</PageHeading>
      {typeof createdReference === "string" && notice === null ? (
        <Alert type="ok">
          <Paragraph>{t("report.created", { reference: createdReference })}</Paragraph>
        </Alert>
      ) : null}
      {notice === null ? null : (
        <div ref={noticeRef} tabIndex={-1} key={notice.occurrence} className="schakel-notice">
          <Alert type="ok">
            <Paragraph>{notice.message}</Paragraph>
            {notice.caseId === undefined ? null : (
              <Paragraph>
                <Link to={`/zaken/${notice.caseId}`} className="utrecht-link">
                  {t("report.toCase")}
                </Link>
              </Paragraph>
            )}
          </Alert>
        </div>
      )}

      <ReportSummary report={report} names={names} />
      <DeadlinesSection report={report} />
      <PersonsSection report={report} />
      {isCentre ? (
        <MatchList
          report={report}
          canDecide={canWork && isOpen}
          onChanged={() => {
            onChanged();
            reloadHousehold();
          }}
        />
      ) : null}
      <HouseholdSection
        report={report}
        household={household}
        canLink={canWork}
        onReload={reloadHousehold}
        onChanged={(message, caseId) => showNotice(message, caseId)}
      />

      <section aria-labelledby="assessment-heading" className="schakel-section">
        <Heading2 id="assessment-heading">{t("assessment.heading")}</Heading2>
        {report.assessment === undefined ? null : <AssessmentSummary report={report} />}
        {canWork && isOpen ? (
          <AssessmentFormArea
            report={report}
            checklist={checklist}
            onRecorded={(message) => showNotice(message)}
          />
        ) : report.assessment === undefined ? (
          <Paragraph>{t("assessment.none")}</Paragraph>
        ) : null}
      </section>

      <section aria-labelledby="triage-heading" className="schakel-section">
        <Heading2 id="triage-heading">{t("triage.heading")}</Heading2>
        {report.triage === undefined ? null : (
          <DataList className="schakel-details">
            <Detail label={t("triage.route")}>{t(`route.${report.triage.route}`)}</Detail>
            {report.triage.toOrganisationId === undefined ? null : (
              <Detail label={t("triage.toOrganisation")}>
                {names.organisation(report.triage.toOrganisationId)}
              </Detail>
            )}
            <Detail label={t("triage.rationale")}>{report.triage.rationale}</Detail>
            {report.triage.keepReason === undefined ? null : (
              <Detail label={t("centreWork.keepReasonLabel")}>
                {t(`centreWork.keepReason.${report.triage.keepReason}`)}
              </Detail>
            )}
            {report.triage.household === undefined ? null : (
              <Detail label={t("intakeHousehold.triageChoice")}>
                {t(`intakeHousehold.triageChoiceValue.${report.triage.household.decision}`)}
              </Detail>
            )}
            <Detail label={t("triage.decidedAt")}>{format.dateTime(report.triage.decidedAt)}</Detail>
            {report.triage.caseId === undefined ? null : (
              <Detail label={t("triage.case")}>
                <Link to={`/zaken/${report.triage.caseId}`} className="utrecht-link">
                  {t("report.toCase")}
                </Link>
              </Detail>
            )}
          </DataList>
        )}
        {canWork && isOpen && household.status === "loading" ? (
          // The household choice is part of the form: it waits for the household, so that a route
          // already chosen is not reset when the household arrives.
          <LoadingMessage />
        ) : canWork && isOpen ? (
          <TriageForm
            // A new answer about the household starts the choice again from what the server says.
            key={household.status === "loaded" ? JSON.stringify(household.data) : household.status}
            household={household.status === "loaded" ? household.data : undefined}
            onHouseholdChanged={reloadHousehold}
            report={report}
            organisations={reference.organisations}
            ownOrganisationId={user.organisationId}
            onTriaged={(caseId) =>
              showNotice(t(caseId === undefined ? "triage.doneWithoutCase" : "triage.done"), caseId)
            }
          />
        ) : report.triage === undefined ? (
          <Paragraph>{t("triage.none")}</Paragraph>
        ) : null}
      </section>
      {isCentre && report.kind === "report" ? (
        <ReporterProtectionSection reportId={report.id} canDecide={canWork} />
      ) : null}

      {canWork && isOpen ? (
        <KindChangeForm report={report} onChanged={(message) => showNotice(message)} />
      ) : null}
      {report.kindChanges.length === 0 ? null : (
        <section aria-labelledby="kind-history-heading" className="schakel-section">
          <Heading2 id="kind-history-heading">{t("kindChange.historyHeading")}</Heading2>
          <UnorderedList>
            {report.kindChanges.map((change) => (
              <UnorderedListItem key={change.at}>
                {t("kindChange.historyItem", {
                  at: format.dateTime(change.at),
                  from: t(`reportKind.${change.from}`).toLocaleLowerCase(),
                  to: t(`reportKind.${change.to}`).toLocaleLowerCase(),
                  reason: change.reason,
                })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}
    </>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

function ReportSummary({ report, names }: { report: ReportDetail; names: ReferenceNames }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const reporter = report.reporter;
  const hasIdentity =
    reporter.name !== undefined || reporter.organisation !== undefined || reporter.contact !== undefined;
  // Until every candidate is decided, "first report" is provisional: the summary says so.
  const pendingMatches = report.matches.filter((m) => m.status === "proposed").length;
  return (
    <>
      <section aria-labelledby="summary-heading" className="schakel-section">
        <Heading2 id="summary-heading">{t("report.summaryHeading")}</Heading2>
        <DataList className="schakel-details">
          <Detail label={t("report.status")}>{t(`reportStatus.${report.status}`)}</Detail>
          <Detail label={t("report.received")}>{format.dateTime(report.receivedAt)}</Detail>
          <Detail label={t("report.channel")}>{t(`channel.${report.channel}`)}</Detail>
          <Detail label={t("report.municipality")}>{names.municipality(report.municipalityCode)}</Detail>
          <Detail label={t("report.violenceTypes")}>
            {report.violenceTypes.length === 0
              ? t("report.noViolenceTypes")
              : report.violenceTypes.map((code) => names.violenceType(code)).join(", ")}
          </Detail>
          <Detail label={t("report.acuteConcern")}>
            {report.acuteConcern ? <strong>{t("forms.yes")}</strong> : t("forms.no")}
          </Detail>
          <Detail label={t("report.earlierInvolvement")}>
            {t(`earlierInvolvement.${report.earlierInvolvement}`)}
            {report.earlierInvolvementDetail === undefined
              ? ""
              : ` (${t(`intakeExtra.earlierInvolvementDetail.${report.earlierInvolvementDetail as EarlierDetail}`)})`}
            {report.recurrence ? ` ${t("report.recurrence")}` : ""}
            {pendingMatches > 0 ? (
              <>
                {" "}
                <strong>{t("intakeExtra.pendingMatches", { count: pendingMatches })}</strong>
              </>
            ) : null}
          </Detail>
          {report.police === undefined ? null : (
            <>
              <Detail label={t("intakeExtra.incidentNumber")}>
                {report.police.incidentNumber ?? t("report.unknown")}
              </Detail>
              <Detail label={t("intakeExtra.restrainingOrderAdvice")}>
                {report.police.restrainingOrderAdvice === undefined
                  ? t("report.unknown")
                  : t(`restrainingOrderAdvice.${report.police.restrainingOrderAdvice}`)}
              </Detail>
            </>
          )}
          {report.caseId === undefined ? null : (
            <Detail label={t("report.case")}>
              <Link to={`/zaken/${report.caseId}`} className="utrecht-link">
                {t("report.toCase")}
              </Link>
            </Detail>
          )}
        </DataList>
        <Heading3>{t("report.narrative")}</Heading3>
        <Paragraph className="schakel-narrative">{report.narrative}</Paragraph>
      </section>
      <section
        aria-labelledby="reporter-heading"
        className={hasIdentity ? "schakel-section schakel-protected" : "schakel-section"}
      >
        <Heading2 id="reporter-heading">{t("report.reporterHeading")}</Heading2>
        {hasIdentity ? (
          <Paragraph className="schakel-protected__notice">
            <strong>{t("newReport.reporterProtected")}</strong>
          </Paragraph>
        ) : null}
        <DataList className="schakel-details">
          <Detail label={t("report.reporterCategory")}>{t(`reporterCategory.${reporter.category}`)}</Detail>
          {reporter.sector === undefined ? null : (
            <Detail label={t("report.reporterSector")}>{t(`sector.${reporter.sector}`)}</Detail>
          )}
          {reporter.relationship === undefined ? null : (
            <Detail label={t("intakeExtra.reporterRelationship")}>
              {t(`reporterRelationship.${reporter.relationship}`)}
            </Detail>
          )}
          {reporter.name === undefined ? null : (
            <Detail label={t("report.reporterName")}>{reporter.name}</Detail>
          )}
          {reporter.organisation === undefined ? null : (
            <Detail label={t("report.reporterOrganisation")}>{reporter.organisation}</Detail>
          )}
          {reporter.contact === undefined ? null : (
            <Detail label={t("report.reporterContact")}>{reporter.contact}</Detail>
          )}
        </DataList>
      </section>
    </>
  );
}

function DeadlinesSection({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const assessed = report.assessment;
  const triaged = report.triage;
  return (
    <section aria-labelledby="deadlines-heading" className="schakel-section">
      <Heading2 id="deadlines-heading">{t("report.deadlinesHeading")}</Heading2>
      <DataList className="schakel-details">
        <Detail label={t("report.assessmentDeadline")}>
          <span id="deadline-safety-assessment">
            {report.deadlines.safetyAssessment === null ? (
              t("intakeExtra.noDeadline")
            ) : (
              <Deadline dueOn={report.deadlines.safetyAssessment} showBadge={assessed === undefined} />
            )}
          </span>
          {assessed === undefined ? null : (
            <> — {t("report.doneOn", { date: format.dateTime(assessed.assessedAt) })}</>
          )}{" "}
          <LatenessNote lateness={report.lateness} step="safetyAssessment" />
        </Detail>
        <Detail label={t("report.triageDeadline")}>
          <span id="deadline-triage">
            {report.deadlines.triage === null ? (
              t("intakeExtra.noDeadline")
            ) : (
              <Deadline dueOn={report.deadlines.triage} showBadge={triaged === undefined} />
            )}
          </span>
          {triaged === undefined ? null : (
            <> — {t("report.doneOn", { date: format.dateTime(triaged.decidedAt) })}</>
          )}{" "}
          <LatenessNote lateness={report.lateness} step="triage" />
        </Detail>
      </DataList>
      <Paragraph>
        {t(
          report.deadlines.safetyAssessment === null
            ? "intakeExtra.adviceNoDeadlineRule"
            : report.acuteConcern
              ? "report.deadlineRuleAcute"
              : "report.deadlineRule",
        )}
      </Paragraph>
    </section>
  );
}

function PersonsSection({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const showBsn = report.persons.some((person) => person.bsn !== undefined);
  return (
    <section aria-labelledby="persons-heading" className="schakel-section">
      <Heading2 id="persons-heading">{t("report.personsHeading")}</Heading2>
      <div className="schakel-table-scroll">
        <Table className="schakel-table">
          <TableCaption className="schakel-visually-hidden">{t("report.personsCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("report.personName")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("report.personRole")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("report.personBirthDate")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("intakeExtra.minor")}</TableHeaderCell>
              {showBsn ? <TableHeaderCell scope="col">{t("household.bsn")}</TableHeaderCell> : null}
              <TableHeaderCell scope="col">{t("household.address")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.persons.map((person) => (
              <TableRow key={person.key}>
                <TableHeaderCell scope="row">{reportPersonName(t, report, person.key)}</TableHeaderCell>
                <TableCell data-label={t("report.personRole")}>{t(`personRole.${person.role}`)}</TableCell>
                <TableCell data-label={t("report.personBirthDate")}>
                  {person.birthDate === undefined
                    ? t("report.unknown")
                    : `${format.shortDate(person.birthDate)}${person.age === undefined ? "" : ` (${t("report.age", { count: person.age })})`}`}
                </TableCell>
                <TableCell data-label={t("intakeExtra.minor")}>
                  {person.minor === "unknown" ? (
                    <StatusBadge status="warning">{t("intakeExtra.minorCheck")}</StatusBadge>
                  ) : (
                    t(`minorAnswer.${person.minor}`)
                  )}
                </TableCell>
                {showBsn ? (
                  <TableCell data-label={t("household.bsn")}>{person.bsn ?? t("report.unknown")}</TableCell>
                ) : null}
                <TableCell data-label={t("household.address")}>
                  {person.address === undefined
                    ? t("report.unknown")
                    : [
                        [person.address.street, person.address.houseNumber].filter(Boolean).join(" "),
                        [person.address.postcode, person.address.city].filter(Boolean).join(" "),
                      ]
                        .filter((part) => part !== "")
                        .join(", ")}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Heading3>{t("household.relationsHeading")}</Heading3>
      {report.relations.length === 0 ? (
        <Paragraph>{t("report.noRelations")}</Paragraph>
      ) : (
        <UnorderedList>
          {report.relations.map((relation) => (
            <UnorderedListItem key={`${relation.from}-${relation.type}-${relation.to}`}>
              {relationSentence(
                t,
                relation.type,
                reportSentencePerson(report, relation.from),
                reportSentencePerson(report, relation.to),
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

function AssessmentSummary({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const assessment = report.assessment;
  if (assessment === undefined) {
    return null;
  }
  const checklist = assessment.checklist;
  return (
    <DataList className="schakel-details">
      <Detail label={t("assessment.acute")}>{t(assessment.acuteUnsafety ? "forms.yes" : "forms.no")}</Detail>
      <Detail label={t("assessment.structural")}>
        {t(assessment.structuralUnsafety ? "forms.yes" : "forms.no")}
      </Detail>
      <Detail label={t("assessment.measures")}>
        {assessment.immediateMeasures.length === 0
          ? t("assessment.noMeasures")
          : assessment.immediateMeasures.join("; ")}
      </Detail>
      {assessment.notes === undefined ? null : (
        <Detail label={t("assessment.notes")}>{assessment.notes}</Detail>
      )}
      {checklist === undefined ? null : (
        <Detail label={t("assessment.checklistLabel")}>
          {t("assessment.recordedScore", {
            score: checklist.score,
            level: t(`riskLevel.${checklist.level}`).toLocaleLowerCase(),
          })}
          {checklist.professionalLevel === undefined || checklist.professionalLevel !== checklist.level
            ? ""
            : ` ${t("assessment.recordedJudgement")}`}
        </Detail>
      )}
      <Detail label={t("assessment.assessedAt")}>{format.dateTime(assessment.assessedAt)}</Detail>
      {assessment.earlierInvolvement === undefined ? null : (
        <Detail label={t("intakeExtra.classAtAssessment")}>
          {t(`earlierInvolvement.${assessment.earlierInvolvement}`)}
        </Detail>
      )}
    </DataList>
  );
}

function AssessmentFormArea({
  report,
  checklist,
  onRecorded,
}: {
  report: ReportDetail;
  checklist: Resource<RiskChecklist | null>;
  onRecorded: (message: string) => void;
}) {
  const { t } = useTranslation();
  if (checklist.status === "loading") {
    return <LoadingMessage />;
  }
  return (
    <>
      {report.assessment === undefined ? null : <Heading3>{t("assessment.reassessHeading")}</Heading3>}
      <SafetyAssessmentForm
        // A new assessment from the server starts the form again from what was recorded.
        key={report.assessment?.id ?? "new"}
        report={report}
        checklist={checklist.status === "loaded" ? checklist.data : null}
        onRecorded={onRecorded}
      />
    </>
  );
}
