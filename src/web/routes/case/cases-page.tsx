import {
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
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { fetchCases } from "../../api/cases";
import { usePagedQuery } from "../../api/query";
import { useReferenceData, useReferenceNames } from "../../api/use-reference";
import { LoadMore } from "../../components/load-more";
import { PageHeading } from "../../components/page-heading";
import { QueryState } from "../../components/query-state";
import { useDocumentTitle } from "../../components/use-document-title";
import { useFormatters } from "../../i18n/format";
import { can } from "../../session/capabilities";
import { useAuthenticatedUser } from "../../session/session-context";
import { NoAccessPage } from "../no-access-page";

const pageSize = 25;

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
  const query = usePagedQuery(["cases", "list"], (cursor, signal) =>
    fetchCases({ limit: pageSize, cursor }, signal),
  );

  return (
    <>
      <PageHeading>{t("cases.heading")}</PageHeading>
      <Paragraph>{t("cases.intro")}</Paragraph>
      <QueryState
        query={query}
        isEmpty={(data) => data.pages[0]?.items.length === 0}
        empty={<Paragraph>{t("start.cases.empty")}</Paragraph>}
      >
        {(data) => (
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
                  {data.pages
                    .flatMap((page) => page.items)
                    .map((item) => (
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
                        <TableCell data-label={t("cases.columns.phase")}>
                          {t(`phase.${item.phase}`)}
                        </TableCell>
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
            <LoadMore
              query={query}
              label={t("cases.loadMore", { count: pageSize })}
              focusIdOf={(item) => `case-${item.id}`}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
