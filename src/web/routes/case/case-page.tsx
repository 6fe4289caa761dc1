import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
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
import { type ReactNode, useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { CaseDetail } from "../../../shared/cases";
import { fetchCase } from "../../api/cases";
import { isUuid } from "../../api/page";
import { useReferenceData, useReferenceNames } from "../../api/use-reference";
import { useResource } from "../../api/use-resource";
import { Deadline } from "../../components/deadline";
import { LoadFailed } from "../../components/load-failed";
import { LoadingMessage } from "../../components/loading-message";
import { PageHeading } from "../../components/page-heading";
import { useDocumentTitle } from "../../components/use-document-title";
import { useFormatters } from "../../i18n/format";
import { can } from "../../session/capabilities";
import { useAuthenticatedUser } from "../../session/session-context";
import { NoAccessPage } from "../no-access-page";
import { NotFoundPage } from "../not-found-page";
import { describeAccessGround } from "./access-ground";

/** Roles in a case come from intake; anything else the server may add is shown as it is. */
const knownRoles = new Set(["victim", "alleged-perpetrator", "child-witness", "other"]);

/**
 * A case at a glance (/zaken/:id): safety flags, phase, direction, director, the household with
 * roles, the involved organisations, handovers and the reports it came from. Only for
 * organisations involved in the case; anyone else gets the not-found page, as the API answers 404.
 */
export function CasePage() {
  const user = useAuthenticatedUser();
  if (!can(user, "readCases")) {
    return <NoAccessPage />;
  }
  return <CaseLoader />;
}

function CaseLoader() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const load = useCallback(
    (signal: AbortSignal) => (isUuid(id) ? fetchCase(id, signal) : Promise.reject(new Error("not an id"))),
    [id],
  );
  const { resource, reload } = useResource(`case-${id}`, load);

  // An address that cannot name one is simply not found (the API would refuse it as invalid).
  if (!isUuid(id) || resource.status === "not-found") {
    return <NotFoundPage />;
  }
  if (resource.status === "failed") {
    return (
      <>
        <PageHeading>{t("case.titleUnknown")}</PageHeading>
        <LoadFailed error={resource.error} onRetry={reload} />
      </>
    );
  }
  if (resource.status === "loading") {
    return <LoadingMessage />;
  }
  return <CaseView detail={resource.data} />;
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { reference } = useReferenceData();
  const names = useReferenceNames(reference.status === "loaded" ? reference.data : undefined);
  const title = t("case.title", { reference: detail.reference });
  useDocumentTitle(title);
  const { flags } = detail;
  const pending = detail.handovers.filter((handover) => handover.status === "pending");

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph className="schakel-access-ground">
        {t("case.accessGround", { ground: describeAccessGround(t, detail.accessGround, format.shortDate) })}
      </Paragraph>

      <section aria-labelledby="case-safety-heading" className="schakel-section">
        <Heading2 id="case-safety-heading">{t("case.safetyHeading")}</Heading2>
        <UnorderedList className="schakel-flags">
          <UnorderedListItem>
            <StatusBadge status={flags.acuteUnsafety ? "danger" : "safe"}>
              {t(flags.acuteUnsafety ? "case.flags.acute" : "case.flags.noAcute")}
            </StatusBadge>
          </UnorderedListItem>
          <UnorderedListItem>
            <StatusBadge status={flags.childrenWithoutHelp > 0 ? "warning" : "safe"}>
              {flags.childrenWithoutHelp > 0
                ? t("case.flags.childrenWithoutHelp", { count: flags.childrenWithoutHelp })
                : t("case.flags.allChildrenHelped")}
            </StatusBadge>
          </UnorderedListItem>
          {flags.restrainingOrderActive ? (
            <UnorderedListItem>
              <StatusBadge status="warning">{t("case.flags.restrainingOrder")}</StatusBadge>
            </UnorderedListItem>
          ) : null}
          {flags.inShelter ? (
            <UnorderedListItem>
              <StatusBadge status="warning">{t("case.flags.shelter")}</StatusBadge>
            </UnorderedListItem>
          ) : null}
          {flags.mda ? (
            <UnorderedListItem>
              <StatusBadge status="warning">{t("case.flags.mda")}</StatusBadge>
            </UnorderedListItem>
          ) : null}
        </UnorderedList>
        <DataList className="schakel-details">
          <Detail label={t("case.status")}>{t(`caseStatus.${detail.status}`)}</Detail>
          <Detail label={t("case.phaseLabel")}>{t(`phase.${detail.phase}`)}</Detail>
          <Detail label={t("case.directionLabel")}>{t(`direction.${detail.direction}`)}</Detail>
          <Detail label={t("case.municipality")}>{names.municipality(detail.municipalityCode)}</Detail>
          <Detail label={t("case.director")}>
            {detail.director === null
              ? t("case.noDirector")
              : t("case.directorAt", { organisation: names.organisation(detail.director.organisationId) })}
          </Detail>
        </DataList>
      </section>

      <section aria-labelledby="case-household-heading" className="schakel-section">
        <Heading2 id="case-household-heading">{t("case.householdHeading")}</Heading2>
        <div className="schakel-table-scroll">
          <Table className="schakel-table">
            <TableCaption className="schakel-visually-hidden">{t("case.householdCaption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("report.personName")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("report.personRole")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("case.age")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("case.helpOffered")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {detail.persons.map((person, index) => {
                const name = `${person.firstName ?? ""} ${person.lastName ?? ""}`.trim();
                const isChild = person.age !== undefined && person.age < 18;
                return (
                  <TableRow key={person.id}>
                    <TableHeaderCell scope="row">
                      {name === "" ? t("household.personNumber", { number: index + 1 }) : name}
                    </TableHeaderCell>
                    <TableCell>
                      {knownRoles.has(person.role) ? t(`personRole.${person.role as "victim"}`) : person.role}
                    </TableCell>
                    <TableCell>
                      {person.age === undefined
                        ? t("report.unknown")
                        : t("report.age", { count: person.age })}
                    </TableCell>
                    <TableCell>
                      {person.helpOffered ? (
                        t("forms.yes")
                      ) : isChild ? (
                        <StatusBadge status="warning">{t("case.noHelpYet")}</StatusBadge>
                      ) : (
                        t("forms.no")
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      </section>

      <section aria-labelledby="case-network-heading" className="schakel-section">
        <Heading2 id="case-network-heading">{t("case.organisationsHeading")}</Heading2>
        <UnorderedList>
          {detail.involvedOrganisationIds.map((organisationId) => {
            const isDirector = detail.director?.organisationId === organisationId;
            const isPendingReceiver = pending.some(
              (handover) => handover.toOrganisationId === organisationId,
            );
            const notes = [
              isDirector ? t("case.involvement.director") : null,
              isPendingReceiver ? t("case.involvement.pendingHandover") : null,
            ].filter((note) => note !== null);
            return (
              <UnorderedListItem key={organisationId}>
                {names.organisation(organisationId)}
                {notes.length === 0 ? "" : ` (${notes.join(", ")})`}
              </UnorderedListItem>
            );
          })}
        </UnorderedList>
      </section>

      <section aria-labelledby="case-handovers-heading" className="schakel-section">
        <Heading2 id="case-handovers-heading">{t("case.handoversHeading")}</Heading2>
        {detail.handovers.length === 0 ? (
          <Paragraph>{t("case.noHandovers")}</Paragraph>
        ) : (
          <div className="schakel-table-scroll">
            <Table className="schakel-table">
              <TableCaption className="schakel-visually-hidden">{t("case.handoversCaption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("case.handoverFrom")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("case.handoverTo")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("case.handoverStatus")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("case.handoverCreated")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("case.handoverDue")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {detail.handovers.map((handover) => (
                  <TableRow key={handover.id}>
                    <TableCell>{names.organisation(handover.fromOrganisationId)}</TableCell>
                    <TableCell>{names.organisation(handover.toOrganisationId)}</TableCell>
                    <TableCell>{t(`handoverStatus.${handover.status}`)}</TableCell>
                    <TableCell>{format.dateTime(handover.createdAt)}</TableCell>
                    <TableCell>
                      <Deadline dueOn={handover.dueOn} showBadge={handover.status === "pending"} />
                      {handover.warmHandoverAt === undefined ? null : (
                        <>
                          <br />
                          {t("case.warmHandover", { at: format.dateTime(handover.warmHandoverAt) })}
                        </>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="case-reports-heading" className="schakel-section">
        <Heading2 id="case-reports-heading">{t("case.reportsHeading")}</Heading2>
        {detail.reportIds.length === 0 ? (
          <Paragraph>{t("case.noReports")}</Paragraph>
        ) : (
          <UnorderedList>
            {detail.reportIds.map((reportId, index) => (
              <UnorderedListItem key={reportId}>
                <Link to={`/meldingen/${reportId}`} className="utrecht-link">
                  {t("case.reportNumber", { number: index + 1 })}
                </Link>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </section>
    </>
  );
}
