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
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { type ReactNode, useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { SessionUser } from "../../shared/auth";
import type { Handover } from "../../shared/cases";
import type { ReportQueueItem } from "../../shared/intake";
import { fetchCases, fetchHandovers } from "../api/cases";
import { fetchReports } from "../api/intake";
import { type ReferenceNames, useReferenceData, useReferenceNames } from "../api/use-reference";
import { useResource } from "../api/use-resource";
import { Deadline } from "../components/deadline";
import { LoadFailed } from "../components/load-failed";
import { LoadingMessage } from "../components/loading-message";
import { PageHeading } from "../components/page-heading";
import { useDocumentTitle } from "../components/use-document-title";
import { can, isCentreUser } from "../session/capabilities";
import { useAuthenticatedUser } from "../session/session-context";
import { CentreWorkStartSection } from "./centre-work/centre-work-start-section";
import { readNavigationState } from "./navigation-state";
import { SubmittedReportsSection } from "./police/submitted-reports-section";
import { NotificationsSection } from "./start/notifications-section";
import { PartnerSections } from "./start/partner-sections";
import { AgreementsSection, FollowUpsSection } from "./start/work-sections";

/** How many urgent reports and cases the start page lists; the full lists are a click away. */
const urgentCount = 5;
/** Open reports are counted from pages of at most this many per status. */
const countLimit = 200;

/**
 * A worker's start page: who they are, and for the roles that work with them, the queue with its
 * deadlines (overdue first), their organisation's cases and the pending handovers. Roles that
 * never see persons (policy, privacy, administration) get only what applies to them.
 */
export function StartPage() {
  const { t } = useTranslation();
  const user = useAuthenticatedUser();
  const { reference } = useReferenceData();
  const names = useReferenceNames(reference.status === "loaded" ? reference.data : undefined);
  const location = useLocation();
  const { handoverDeclined } = readNavigationState(location.state);
  useDocumentTitle(t("start.title"));

  let organisationText: string;
  if (reference.status === "loading") {
    organisationText = t("shell.loading");
  } else if (reference.status !== "loaded") {
    organisationText = t("start.organisationError");
  } else {
    organisationText =
      reference.data.organisations.find((candidate) => candidate.id === user.organisationId)?.name ??
      t("start.organisationUnknown");
  }
  const roleText =
    user.roles.length === 0 ? t("start.noRoles") : user.roles.map((role) => t(`roles.${role}`)).join(", ");
  const isCentre = reference.status === "loaded" && isCentreUser(user, reference.data.organisations);
  const showQueue = isCentre && can(user, "readReports");
  const showCases = can(user, "readCases");
  const showHandovers = can(user, "readHandovers");
  const showNotifications = can(user, "readNotifications");
  const showAgreements = can(user, "readAgreements");
  const showFollowUps = can(user, "workFollowUps");
  const showPoliceReports =
    can(user, "submitPoliceReports") &&
    reference.status === "loaded" &&
    reference.data.organisations.some((o) => o.id === user.organisationId && o.kind === "police");
  const showAny =
    showQueue ||
    showCases ||
    showHandovers ||
    showNotifications ||
    showAgreements ||
    showFollowUps ||
    showPoliceReports;

  return (
    <>
      <PageHeading>{t("start.heading", { name: user.displayName })}</PageHeading>
      {handoverDeclined === undefined ? null : (
        <Alert type="ok">
          <Paragraph>{t("start.handoverDeclined", { reference: handoverDeclined })}</Paragraph>
        </Alert>
      )}
      <DataList className="schakel-profile">
        <DataListItem>
          <DataListKey>{t("start.organisation")}</DataListKey>
          <DataListValue>{organisationText}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t("start.role", { count: Math.max(1, user.roles.length) })}</DataListKey>
          <DataListValue>{roleText}</DataListValue>
        </DataListItem>
      </DataList>
      {showAny ? (
        <div className="schakel-start-sections">
          {showPoliceReports ? <SubmittedReportsSection /> : null}
          {showQueue ? <QueueSection user={user} names={names} /> : null}
          {isCentre && can(user, "readCentreWork") ? <CentreWorkStartSection /> : null}
          {showCases ? <CasesSection names={names} /> : null}
          {showHandovers ? <HandoversSection names={names} /> : null}
          {showNotifications ? <NotificationsSection /> : null}
          {can(user, "readNetwork") ? <PartnerSections /> : null}
          {showAgreements ? <AgreementsSection /> : null}
          {showFollowUps ? <FollowUpsSection /> : null}
        </div>
      ) : reference.status === "loaded" ? (
        <Paragraph>{t("start.noCaseWork")}</Paragraph>
      ) : null}
    </>
  );
}

interface QueueSummary {
  open: ReportQueueItem[];
  /** True when there were more open reports than one page: the counts are then lower bounds. */
  hasMore: boolean;
}

async function loadQueueSummary(signal: AbortSignal): Promise<QueueSummary> {
  const [assessment, triage] = await Promise.all([
    fetchReports({ status: "awaiting-assessment", limit: countLimit }, signal),
    fetchReports({ status: "awaiting-triage", limit: countLimit }, signal),
  ]);
  const open = [...assessment.items, ...triage.items].sort((a, b) =>
    (a.dueOn ?? "9999") === (b.dueOn ?? "9999")
      ? Number(b.acuteConcern) - Number(a.acuteConcern)
      : (a.dueOn ?? "9999") < (b.dueOn ?? "9999")
        ? -1
        : 1,
  );
  return { open, hasMore: assessment.nextCursor !== null || triage.nextCursor !== null };
}

function QueueSection({ user, names }: { user: SessionUser; names: ReferenceNames }) {
  const { t } = useTranslation();
  const { resource, reload } = useResource(`start-queue-${user.id}`, loadQueueSummary);
  let content: ReactNode;
  if (resource.status === "loading") {
    content = <LoadingMessage />;
  } else if (resource.status !== "loaded") {
    content = (
      <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />
    );
  } else if (resource.data.open.length === 0) {
    content = (
      <>
        <Paragraph>{t("start.queue.empty")}</Paragraph>
        {can(user, "createReports") ? (
          <Paragraph>
            <Link to="/meldingen/nieuw" className="utrecht-link">
              {t("queue.newReport")}
            </Link>
          </Paragraph>
        ) : null}
      </>
    );
  } else {
    const { open, hasMore } = resource.data;
    const overdue = open.filter((item) => item.overdue).length;
    const countKey = hasMore ? "start.queue.countAtLeast" : "start.queue.count";
    content = (
      <>
        <Paragraph>
          {t(countKey, { count: open.length })} {t("start.queue.overdue", { count: overdue })}
        </Paragraph>
        <Heading3>{t("start.queue.urgentHeading")}</Heading3>
        <UnorderedList className="schakel-plain-list">
          {open.slice(0, urgentCount).map((item) => (
            <UnorderedListItem key={item.id}>
              <Link to={`/meldingen/${item.id}`} className="utrecht-link">
                {item.reference}
              </Link>{" "}
              — {t(`reportKind.${item.kind}`)}, {names.municipality(item.municipalityCode)},{" "}
              {t(`reportStatus.${item.status}`).toLocaleLowerCase()}
              {item.acuteConcern ? `, ${t("queue.acute").toLocaleLowerCase()}` : ""}.{" "}
              {item.dueOn === null ? null : (
                <>
                  {t("start.queue.due")} <Deadline dueOn={item.dueOn} />
                </>
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
        <Paragraph>
          <Link to="/meldingen" className="utrecht-link">
            {t("start.queue.toQueue")}
          </Link>
        </Paragraph>
      </>
    );
  }
  return (
    <section aria-labelledby="start-queue" className="schakel-start-section">
      <Heading2 id="start-queue">{t("start.queue.heading")}</Heading2>
      {content}
    </section>
  );
}

function CasesSection({ names }: { names: ReferenceNames }) {
  const { t } = useTranslation();
  const load = useCallback(
    (signal: AbortSignal) => fetchCases({ status: "open", limit: urgentCount }, signal),
    [],
  );
  const { resource, reload } = useResource("start-cases", load);
  let content: ReactNode;
  if (resource.status === "loading") {
    content = <LoadingMessage />;
  } else if (resource.status !== "loaded") {
    content = (
      <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />
    );
  } else if (resource.data.items.length === 0) {
    content = <Paragraph>{t("start.cases.empty")}</Paragraph>;
  } else {
    content = (
      <>
        <UnorderedList className="schakel-plain-list">
          {resource.data.items.map((item) => (
            <UnorderedListItem key={item.id}>
              <Link to={`/zaken/${item.id}`} className="utrecht-link">
                {item.reference}
              </Link>{" "}
              — {names.municipality(item.municipalityCode)}, {t("case.phaseLabel").toLocaleLowerCase()}{" "}
              {t(`phase.${item.phase}`).toLocaleLowerCase()},{" "}
              {t(`direction.${item.direction}`).toLocaleLowerCase()}
              {item.childrenWithoutHelp > 0 ? (
                <>
                  {" "}
                  <StatusBadge status="warning">
                    {t("case.flags.childrenWithoutHelp", { count: item.childrenWithoutHelp })}
                  </StatusBadge>
                </>
              ) : null}
            </UnorderedListItem>
          ))}
        </UnorderedList>
        <Paragraph>
          <Link to="/zaken" className="utrecht-link">
            {t("start.cases.toCases")}
          </Link>
        </Paragraph>
      </>
    );
  }
  return (
    <section aria-labelledby="start-cases" className="schakel-start-section">
      <Heading2 id="start-cases">{t("start.cases.heading")}</Heading2>
      {content}
    </section>
  );
}

function HandoverList({ items, names }: { items: Handover[]; names: ReferenceNames }) {
  const { t } = useTranslation();
  return (
    <UnorderedList className="schakel-plain-list">
      {items.map((handover) => (
        <UnorderedListItem key={handover.id}>
          <Link to={`/zaken/${handover.caseId}`} className="utrecht-link">
            {handover.caseReference ?? t("start.handovers.case")}
          </Link>{" "}
          —{" "}
          {t("start.handovers.fromTo", {
            from: names.organisation(handover.fromOrganisationId),
            to: names.organisation(handover.toOrganisationId),
          })}{" "}
          {t("start.handovers.acceptBy")} <Deadline dueOn={handover.dueOn} />
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

function HandoversSection({ names }: { names: ReferenceNames }) {
  const { t } = useTranslation();
  const load = useCallback(
    (signal: AbortSignal) => fetchHandovers({ status: "pending", limit: 50 }, signal),
    [],
  );
  const { resource, reload } = useResource("start-handovers", load);
  let content: ReactNode;
  if (resource.status === "loading") {
    content = <LoadingMessage />;
  } else if (resource.status !== "loaded") {
    content = (
      <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />
    );
  } else if (resource.data.items.length === 0) {
    content = <Paragraph>{t("start.handovers.empty")}</Paragraph>;
  } else {
    // Without a direction (older servers) a handover counts as outgoing: the safer reading for the sender.
    const incoming = resource.data.items.filter((item) => item.direction === "incoming");
    const outgoing = resource.data.items.filter((item) => item.direction !== "incoming");
    content = (
      <>
        <Heading3>{t("start.handovers.incoming", { count: incoming.length })}</Heading3>
        {incoming.length === 0 ? (
          <Paragraph>{t("start.handovers.noIncoming")}</Paragraph>
        ) : (
          <HandoverList items={incoming} names={names} />
        )}
        <Heading3>{t("start.handovers.outgoing", { count: outgoing.length })}</Heading3>
        {outgoing.length === 0 ? (
          <Paragraph>{t("start.handovers.noOutgoing")}</Paragraph>
        ) : (
          <HandoverList items={outgoing} names={names} />
        )}
      </>
    );
  }
  return (
    <section aria-labelledby="start-handovers" className="schakel-start-section">
      <Heading2 id="start-handovers">{t("start.handovers.heading")}</Heading2>
      {content}
    </section>
  );
}
