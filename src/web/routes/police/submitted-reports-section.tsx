import {
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { fetchSubmittedReports } from "../../api/intake-household";
import { useResource } from "../../api/use-resource";
import { LoadFailed } from "../../components/load-failed";
import { LoadingMessage } from "../../components/loading-message";
import { useFormatters } from "../../i18n/format";

/**
 * The police's own reports on its start page: reference, date and status of what it sent, and
 * nothing it did not send itself.
 */
export function SubmittedReportsSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { resource, reload } = useResource("start-police-reports", fetchSubmittedReports);
  let content: ReactNode;
  if (resource.status === "loading") {
    content = <LoadingMessage />;
  } else if (resource.status !== "loaded") {
    content = (
      <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />
    );
  } else if (resource.data.items.length === 0) {
    content = <Paragraph>{t("police.submitted.empty")}</Paragraph>;
  } else {
    content = (
      <div className="schakel-table-scroll">
        <Table className="schakel-table">
          <TableCaption className="schakel-visually-hidden">{t("police.submitted.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("police.submitted.reference")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("police.submitted.incidentNumber")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("police.submitted.date")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("police.submitted.status")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {resource.data.items.map((item) => (
              <TableRow key={item.id}>
                <TableHeaderCell scope="row">{item.reference}</TableHeaderCell>
                <TableCell data-label={t("police.submitted.incidentNumber")}>
                  {item.incidentNumber ?? "—"}
                </TableCell>
                <TableCell data-label={t("police.submitted.date")}>
                  {format.shortDate(item.receivedOn)}
                </TableCell>
                <TableCell data-label={t("police.submitted.status")}>
                  {t(`police.status.${item.status}`)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    );
  }
  return (
    <section aria-labelledby="start-police-reports" className="schakel-start-section">
      <Heading2 id="start-police-reports">{t("police.submitted.heading")}</Heading2>
      <Paragraph>
        <Link to="/politie/melden" className="utrecht-link">
          {t("police.submitted.newReport")}
        </Link>
      </Paragraph>
      {content}
    </section>
  );
}
