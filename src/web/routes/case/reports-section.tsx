import { Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatters } from "../../i18n/format";
import type { CaseSectionProps } from "./case-model";

/** The reports and advice requests the case came from, by reference. */
export function ReportsSection({ data }: CaseSectionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { reports } = data.detail;
  if (reports.length === 0) {
    return <Paragraph>{t("case.noReports")}</Paragraph>;
  }
  return (
    <UnorderedList className="schakel-plain-list">
      {reports.map((report) => (
        <UnorderedListItem key={report.id}>
          <Link to={`/meldingen/${report.id}`} className="utrecht-link">
            {t("case.reportLink", { kind: t(`reportKind.${report.kind}`), reference: report.reference })}
          </Link>{" "}
          — {t("case.reportReceived", { at: format.dateTime(report.receivedAt) })}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}
