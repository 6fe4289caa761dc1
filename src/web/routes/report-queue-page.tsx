import {
  Button,
  ButtonGroup,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { type ReportQueueItem, reportStatuses } from "../../shared/intake";
import { fetchReports, type ReportFilter, type ReportStatus } from "../api/intake";
import { useReferenceData, useReferenceNames } from "../api/use-reference";
import { useResource } from "../api/use-resource";
import { DeadlineBadge } from "../components/deadline";
import { CheckboxField, SelectField } from "../components/form-fields";
import { LatenessNote } from "../components/lateness-note";
import { LoadFailed } from "../components/load-failed";
import { LoadingMessage } from "../components/loading-message";
import { PageHeading } from "../components/page-heading";
import { RouterButtonLink } from "../components/router-button-link";
import { useDocumentTitle } from "../components/use-document-title";
import { useFormatters } from "../i18n/format";
import { can, isCentreUser } from "../session/capabilities";
import { useAuthenticatedUser } from "../session/session-context";
import { NoAccessPage } from "./no-access-page";

const pageSize = 25;

function isReportStatus(value: string | null): value is ReportStatus {
  return value !== null && (reportStatuses as readonly string[]).includes(value);
}

/** The filters as they stand in the address (shareable, and kept by the back button). */
function filterFromParams(params: URLSearchParams): ReportFilter {
  const status = params.get("status");
  const municipality = params.get("gemeente");
  return {
    status: isReportStatus(status) ? status : undefined,
    municipalityCode: municipality !== null && /^GM\d{4}$/.test(municipality) ? municipality : undefined,
    overdue: params.get("te-laat") === "ja",
  };
}

/**
 * The centre's intake queue: its reports, overdue first, with the deadline of the step each is
 * waiting for, filters by municipality, status and overdue, and further pages on request.
 */
export function ReportQueuePage() {
  const user = useAuthenticatedUser();
  if (!can(user, "readReports")) {
    return <NoAccessPage />;
  }
  return <ReportQueue />;
}

function ReportQueue() {
  const { t } = useTranslation();
  const user = useAuthenticatedUser();
  const format = useFormatters();
  const { reference } = useReferenceData();
  const names = useReferenceNames(reference.status === "loaded" ? reference.data : undefined);
  useDocumentTitle(t("queue.title"));

  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const filterKey = JSON.stringify(filter);

  const [status, setStatus] = useState<ReportStatus | "">(filter.status ?? "");
  const [municipality, setMunicipality] = useState(filter.municipalityCode ?? "");
  const [onlyOverdue, setOnlyOverdue] = useState(filter.overdue === true);

  // The form follows the address when it changes by the back and forward buttons.
  useEffect(() => {
    const current = JSON.parse(filterKey) as ReportFilter;
    setStatus(current.status ?? "");
    setMunicipality(current.municipalityCode ?? "");
    setOnlyOverdue(current.overdue === true);
  }, [filterKey]);

  const load = useCallback(
    (signal: AbortSignal) =>
      fetchReports({ ...(JSON.parse(filterKey) as ReportFilter), limit: pageSize }, signal),
    [filterKey],
  );
  const { resource, reload } = useResource(`queue-${filterKey}`, load);

  const [more, setMore] = useState<{
    key: string;
    items: ReportQueueItem[];
    nextCursor: string | null;
  } | null>(null);
  const [isLoadingMore, setLoadingMore] = useState(false);
  const [loadMoreFailed, setLoadMoreFailed] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (focusId !== null) {
      document.getElementById(`report-${focusId}`)?.focus();
    }
  }, [focusId]);

  function handleFilter(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const next = new URLSearchParams();
    if (status !== "") {
      next.set("status", status);
    }
    if (municipality !== "") {
      next.set("gemeente", municipality);
    }
    if (onlyOverdue) {
      next.set("te-laat", "ja");
    }
    setMore(null);
    setParams(next, { state: { skipFocus: true } });
  }

  const firstPage = resource.status === "loaded" ? resource.data : undefined;
  const extra = more !== null && more.key === filterKey ? more : null;
  const items = [...(firstPage?.items ?? []), ...(extra?.items ?? [])];
  const nextCursor = extra === null ? (firstPage?.nextCursor ?? null) : extra.nextCursor;

  function handleLoadMore(): void {
    if (nextCursor === null || isLoadingMore) {
      return;
    }
    setLoadingMore(true);
    setLoadMoreFailed(false);
    fetchReports({ ...filter, limit: pageSize, cursor: nextCursor }).then(
      (page) => {
        setLoadingMore(false);
        setMore({
          key: filterKey,
          items: [...(extra?.items ?? []), ...page.items],
          nextCursor: page.nextCursor,
        });
        setFocusId(page.items[0]?.id ?? null);
      },
      () => {
        setLoadingMore(false);
        setLoadMoreFailed(true);
      },
    );
  }

  const municipalityOptions =
    reference.status === "loaded"
      ? reference.data.municipalities.map((m) => ({ value: m.code, label: m.name }))
      : [];

  return (
    <>
      <PageHeading>{t("queue.heading")}</PageHeading>
      <Paragraph>
        {reference.status === "loaded" && !isCentreUser(user, reference.data.organisations)
          ? t("queue.introOwnCases")
          : t("queue.intro")}
      </Paragraph>
      {can(user, "createReports") ? (
        <ButtonGroup className="schakel-actions">
          <RouterButtonLink to="/meldingen/nieuw">{t("queue.newReport")}</RouterButtonLink>
        </ButtonGroup>
      ) : null}

      <form onSubmit={handleFilter} className="schakel-form schakel-filters" aria-labelledby="queue-filters">
        <h2 id="queue-filters" className="utrecht-heading-2">
          {t("queue.filters.heading")}
        </h2>
        <div className="schakel-filters__fields">
          <SelectField
            id="filter-status"
            label={t("queue.filters.status")}
            value={status}
            onChange={setStatus}
            emptyOption={t("queue.filters.allStatuses")}
            options={reportStatuses.map((value) => ({ value, label: t(`reportStatus.${value}`) }))}
          />
          <SelectField
            id="filter-municipality"
            label={t("queue.filters.municipality")}
            value={municipality}
            onChange={setMunicipality}
            emptyOption={t("queue.filters.allMunicipalities")}
            options={municipalityOptions}
          />
        </div>
        <CheckboxField
          id="filter-overdue"
          label={t("queue.filters.overdue")}
          checked={onlyOverdue}
          onChange={setOnlyOverdue}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button">
            {t("queue.filters.apply")}
          </Button>
        </ButtonGroup>
      </form>

      {resource.status === "loading" ? <LoadingMessage /> : null}
      {resource.status === "failed" || resource.status === "not-found" ? (
        <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />
      ) : null}
      {firstPage === undefined ? null : (
        <>
          <Paragraph role="status" className="schakel-result-count">
            {items.length === 0
              ? t("queue.noResults")
              : nextCursor === null
                ? t("queue.resultCount", { count: items.length })
                : t("queue.resultCountMore", { count: items.length })}
          </Paragraph>
          {items.length === 0 ? null : (
            <div className="schakel-table-scroll">
              <Table className="schakel-table">
                <TableCaption className="schakel-visually-hidden">{t("queue.caption")}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t("queue.columns.reference")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t("queue.columns.kind")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t("queue.columns.received")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t("queue.columns.municipality")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t("queue.columns.persons")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t("queue.columns.status")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t("queue.columns.due")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {items.map((item) => (
                    <TableRow key={item.id}>
                      <TableHeaderCell scope="row">
                        <Link id={`report-${item.id}`} to={`/meldingen/${item.id}`} className="utrecht-link">
                          {item.reference}
                        </Link>
                      </TableHeaderCell>
                      <TableCell data-label={t("queue.columns.kind")}>
                        {t(`reportKind.${item.kind}`)}
                        {item.acuteConcern ? (
                          <>
                            <br />
                            <strong>{t("queue.acute")}</strong>
                          </>
                        ) : null}
                      </TableCell>
                      <TableCell data-label={t("queue.columns.received")}>
                        {format.dateTime(item.receivedAt)}
                      </TableCell>
                      <TableCell data-label={t("queue.columns.municipality")}>
                        {names.municipality(item.municipalityCode)}
                      </TableCell>
                      <TableCell data-label={t("queue.columns.persons")}>{item.personCount}</TableCell>
                      <TableCell data-label={t("queue.columns.status")}>
                        {t(`reportStatus.${item.status}`)}
                      </TableCell>
                      <TableCell data-label={t("queue.columns.due")}>
                        {item.dueOn === null ? (
                          item.status !== "triaged" ? (
                            t("intakeExtra.noDeadline")
                          ) : item.caseId === undefined ? (
                            t("queue.done")
                          ) : (
                            <Link to={`/zaken/${item.caseId}`} className="utrecht-link">
                              {t("queue.toCase")}
                            </Link>
                          )
                        ) : (
                          <>
                            <time dateTime={item.dueOn}>{format.shortDate(item.dueOn)}</time>
                            <br />
                            <DeadlineBadge dueOn={item.dueOn} />
                          </>
                        )}
                        <LatenessNote lateness={item.lateness} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {loadMoreFailed ? <LoadFailed error={undefined} onRetry={handleLoadMore} /> : null}
          {nextCursor === null ? null : (
            <ButtonGroup>
              <Button appearance="secondary-action-button" busy={isLoadingMore} onClick={handleLoadMore}>
                {t("queue.loadMore", { count: pageSize })}
              </Button>
            </ButtonGroup>
          )}
        </>
      )}
    </>
  );
}
