import {
  Button,
  ButtonGroup,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type CaseListItem, fetchCases } from "../../api/cases";
import type { Page } from "../../api/page";
import { useReferenceData, useReferenceNames } from "../../api/use-reference";
import { useResource } from "../../api/use-resource";
import { LoadFailed } from "../../components/load-failed";
import { LoadingMessage } from "../../components/loading-message";
import { PageHeading } from "../../components/page-heading";
import { useDocumentTitle } from "../../components/use-document-title";
import { useFormatters } from "../../i18n/format";
import { can } from "../../session/capabilities";
import { useAuthenticatedUser } from "../../session/session-context";
import { NoAccessPage } from "../no-access-page";

const pageSize = 25;

interface CasesData {
  page: Page<CaseListItem>;
}

async function loadCases(signal: AbortSignal): Promise<CasesData> {
  return { page: await fetchCases({ limit: pageSize }, signal) };
}

/** The cases the user's organisation is involved in (/zaken), newest first. */
export function CasesPage() {
  const { t } = useTranslation();
  const user = useAuthenticatedUser();
  useDocumentTitle(t("cases.title"));
  if (!can(user, "readCases")) {
    return <NoAccessPage />;
  }
  return <CasesList />;
}

function CasesList() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { reference } = useReferenceData();
  const names = useReferenceNames(reference.status === "loaded" ? reference.data : undefined);
  const load = useCallback(loadCases, []);
  const { resource, reload } = useResource("cases", load);
  const [more, setMore] = useState<Page<CaseListItem> | null>(null);
  const [isLoadingMore, setLoadingMore] = useState(false);
  const [loadMoreFailed, setLoadMoreFailed] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (focusId !== null) {
      document.getElementById(`case-${focusId}`)?.focus();
    }
  }, [focusId]);

  const data = resource.status === "loaded" ? resource.data : undefined;
  const items = [...(data?.page.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more === null ? (data?.page.nextCursor ?? null) : more.nextCursor;

  function handleLoadMore(): void {
    if (nextCursor === null || isLoadingMore) {
      return;
    }
    setLoadingMore(true);
    setLoadMoreFailed(false);
    fetchCases({ limit: pageSize, cursor: nextCursor }).then(
      (page) => {
        setLoadingMore(false);
        setMore({ items: [...(more?.items ?? []), ...page.items], nextCursor: page.nextCursor });
        setFocusId(page.items[0]?.id ?? null);
      },
      () => {
        setLoadingMore(false);
        setLoadMoreFailed(true);
      },
    );
  }

  return (
    <>
      <PageHeading>{t("cases.heading")}</PageHeading>
      <Paragraph>{t("cases.intro")}</Paragraph>
      {resource.status === "loading" ? <LoadingMessage /> : null}
      {resource.status === "failed" || resource.status === "not-found" ? (
        <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />
      ) : null}
      {data === undefined ? null : items.length === 0 ? (
        <Paragraph>{t("start.cases.empty")}</Paragraph>
      ) : (
        <>
          <div className="schakel-table-scroll">
            <Table className="schakel-table">
              <TableCaption className="schakel-visually-hidden">{t("cases.caption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("cases.columns.reference")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("cases.columns.municipality")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("cases.columns.status")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("cases.columns.phase")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("cases.columns.direction")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("cases.columns.opened")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("cases.columns.children")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("cases.columns.handover")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((item) => (
                  <TableRow key={item.id}>
                    <TableHeaderCell scope="row">
                      <Link id={`case-${item.id}`} to={`/zaken/${item.id}`} className="utrecht-link">
                        {item.reference}
                      </Link>
                    </TableHeaderCell>
                    <TableCell data-label={t("cases.columns.municipality")}>
                      {names.municipality(item.municipalityCode)}
                    </TableCell>
                    <TableCell data-label={t("cases.columns.status")}>
                      {t(`caseStatus.${item.status}`)}
                    </TableCell>
                    <TableCell data-label={t("cases.columns.phase")}>{t(`phase.${item.phase}`)}</TableCell>
                    <TableCell data-label={t("cases.columns.direction")}>
                      {t(`direction.${item.direction}`)}
                    </TableCell>
                    <TableCell data-label={t("cases.columns.opened")}>
                      {format.dateTime(item.createdAt)}
                    </TableCell>
                    <TableCell data-label={t("cases.columns.children")}>
                      {item.childrenWithoutHelp > 0 ? (
                        <StatusBadge status="warning">
                          {t("case.flags.childrenWithoutHelp", { count: item.childrenWithoutHelp })}
                        </StatusBadge>
                      ) : (
                        t("cases.noChildrenWithoutHelp")
                      )}
                    </TableCell>
                    <TableCell data-label={t("cases.columns.handover")}>
                      {item.pendingHandover ? t("cases.pendingHandover") : t("cases.noPendingHandover")}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {loadMoreFailed ? <LoadFailed error={undefined} onRetry={handleLoadMore} /> : null}
          {nextCursor === null ? null : (
            <ButtonGroup>
              <Button appearance="secondary-action-button" busy={isLoadingMore} onClick={handleLoadMore}>
                {t("cases.loadMore", { count: pageSize })}
              </Button>
            </ButtonGroup>
          )}
        </>
      )}
    </>
  );
}
