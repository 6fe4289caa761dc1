import { Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { fetchCaseLinks } from "../../api/intake-household";
import { useResource } from "../../api/use-resource";
import { LoadFailed } from "../../components/load-failed";
import { LoadingMessage } from "../../components/loading-message";
import { useFormatters } from "../../i18n/format";
import type { CaseSectionProps } from "./case-model";

/**
 * The cases linked to this one ("one household, one case": e.g. the father's new household), with
 * who linked them, when and why. Both cases show the link; one the viewer may not see is left out.
 */
export function CaseLinksSection({ data, names }: CaseSectionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const caseId = data.detail.id;
  const load = useCallback((signal: AbortSignal) => fetchCaseLinks(caseId, signal), [caseId]);
  const { resource, reload } = useResource(`case-links-${caseId}`, load);
  if (resource.status === "loading") {
    return <LoadingMessage />;
  }
  if (resource.status !== "loaded") {
    return <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />;
  }
  if (resource.data.items.length === 0) {
    return <Paragraph>{t("caseLinks.none")}</Paragraph>;
  }
  return (
    <UnorderedList className="schakel-plain-list">
      {resource.data.items.map((link) => (
        <UnorderedListItem key={link.id}>
          <Paragraph>
            {t(link.direction === "to" ? "caseLinks.openedBeside" : "caseLinks.linkedFrom")}{" "}
            <Link to={`/zaken/${link.otherCaseId}`} className="utrecht-link">
              {link.otherCaseReference}
            </Link>
          </Paragraph>
          <Paragraph>
            {t("caseLinks.byWhom", {
              name: link.createdByName ?? t("report.unknown"),
              organisation: names.organisation(link.createdByOrganisationId),
              at: format.dateTime(link.createdAt),
            })}
          </Paragraph>
          <Paragraph>{t("caseLinks.reason", { reason: link.reason })}</Paragraph>
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}
