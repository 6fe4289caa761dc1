import {
  Button,
  ButtonGroup,
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
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { CaseDetail } from "../../../../shared/cases";
import { fetchCase } from "../../../api/cases";
import { isUuid } from "../../../api/page";
import { fetchPlanVersion, fetchPlanVersions, type PlanVersion } from "../../../api/safety-plan";
import { type ReferenceNames, useReferenceData, useReferenceNames } from "../../../api/use-reference";
import { useResource } from "../../../api/use-resource";
import { SelectField } from "../../../components/form-fields";
import { LoadFailed } from "../../../components/load-failed";
import { LoadingMessage } from "../../../components/loading-message";
import { PageHeading } from "../../../components/page-heading";
import { useDocumentTitle } from "../../../components/use-document-title";
import { useFormatters } from "../../../i18n/format";
import { can } from "../../../session/capabilities";
import { useAuthenticatedUser } from "../../../session/session-context";
import { NoAccessPage } from "../../no-access-page";
import { NotFoundPage } from "../../not-found-page";
import { PlanComparison } from "./plan-comparison";
import { comparePlans } from "./plan-diff";

interface VersionsData {
  detail: CaseDetail;
  versions: PlanVersion[];
}

/** Every version of a case's plan (/zaken/:id/plan/versies): who saved it when, and any two compared. */
export function PlanVersionsPage() {
  const user = useAuthenticatedUser();
  if (!can(user, "readCases")) {
    return <NoAccessPage />;
  }
  return <VersionsLoader />;
}

function VersionsLoader() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const load = useCallback(
    async (signal: AbortSignal): Promise<VersionsData> => {
      if (!isUuid(id)) {
        throw new Error("not an id");
      }
      const [detail, versions] = await Promise.all([fetchCase(id, signal), fetchPlanVersions(id, signal)]);
      return { detail, versions };
    },
    [id],
  );
  const { resource, reload } = useResource(`plan-versions-${id}`, load);
  if (!isUuid(id) || resource.status === "not-found") {
    return <NotFoundPage />;
  }
  if (resource.status === "failed") {
    return (
      <>
        <PageHeading>{t("plan.versions.titleUnknown")}</PageHeading>
        <LoadFailed error={resource.error} onRetry={reload} />
      </>
    );
  }
  if (resource.status === "loading") {
    return <LoadingMessage />;
  }
  return <VersionsView data={resource.data} />;
}

function VersionsView({ data }: { data: VersionsData }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { reference } = useReferenceData();
  const names = useReferenceNames(reference.status === "loaded" ? reference.data : undefined);
  const { detail, versions } = data;
  const title = t("plan.versions.title", { reference: detail.reference });
  useDocumentTitle(title);
  const newest = versions[0]?.version ?? 1;
  const [from, setFrom] = useState(String(Math.max(1, newest - 1)));
  const [to, setTo] = useState(String(newest));
  const [compared, setCompared] = useState<{ from: number; to: number; byUser: boolean } | null>(
    versions.length > 1 ? { from: newest - 1, to: newest, byUser: false } : null,
  );
  const options = versions.map((version) => ({
    value: String(version.version),
    label: t("plan.versions.option", { version: version.version, at: format.dateTime(version.createdAt) }),
  }));

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setCompared({ from: Number(from), to: Number(to), byUser: true });
  }

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        <Link to={`/zaken/${detail.id}/plan`} className="utrecht-link">
          {t("plan.versions.toPlan")}
        </Link>
        {" · "}
        <Link to={`/zaken/${detail.id}`} className="utrecht-link">
          {t("plan.backToCase", { reference: detail.reference })}
        </Link>
      </Paragraph>
      <div className="schakel-table-scroll">
        <Table className="schakel-table">
          <TableCaption className="schakel-visually-hidden">{t("plan.versions.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("plan.versions.version")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("plan.versions.author")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("plan.versions.organisation")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("plan.versions.savedAt")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {versions.map((version) => (
              <TableRow key={version.version}>
                <TableHeaderCell scope="row">
                  {t("plan.versions.number", { version: version.version })}
                </TableHeaderCell>
                <TableCell data-label={t("plan.versions.author")}>
                  {version.authorName ?? t("plan.author.unknown")}
                </TableCell>
                <TableCell data-label={t("plan.versions.organisation")}>
                  {version.authorOrganisationId === null
                    ? t("plan.author.unknown")
                    : names.organisation(version.authorOrganisationId)}
                </TableCell>
                <TableCell data-label={t("plan.versions.savedAt")}>
                  {format.dateTime(version.createdAt)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {versions.length < 2 ? (
        <Paragraph>{t("plan.versions.onlyOne")}</Paragraph>
      ) : (
        <>
          <Heading2>{t("plan.versions.compareHeading")}</Heading2>
          <form noValidate onSubmit={handleSubmit} className="schakel-form">
            <div className="schakel-field-row">
              <SelectField
                id="compare-from"
                label={t("plan.versions.from")}
                value={from}
                onChange={setFrom}
                options={options}
              />
              <SelectField
                id="compare-to"
                label={t("plan.versions.to")}
                value={to}
                onChange={setTo}
                options={options}
              />
            </div>
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button">
                {t("plan.versions.compare")}
              </Button>
            </ButtonGroup>
          </form>
          {compared === null ? null : (
            <VersionComparison
              key={`${compared.from}-${compared.to}-${compared.byUser}`}
              detail={detail}
              from={compared.from}
              to={compared.to}
              takeFocus={compared.byUser}
              names={names}
            />
          )}
        </>
      )}
    </>
  );
}

function VersionComparison({
  detail,
  from,
  to,
  takeFocus,
  names,
}: {
  detail: CaseDetail;
  from: number;
  to: number;
  takeFocus: boolean;
  names: ReferenceNames;
}) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [before, after] = await Promise.all([
        fetchPlanVersion(detail.id, from, signal),
        fetchPlanVersion(detail.id, to, signal),
      ]);
      return comparePlans(before.plan, after.plan);
    },
    [detail.id, from, to],
  );
  const { resource, reload } = useResource(`compare-${detail.id}-${from}-${to}`, load);
  const isLoaded = resource.status === "loaded";
  useEffect(() => {
    if (isLoaded && takeFocus) {
      headingRef.current?.focus();
    }
  }, [isLoaded, takeFocus]);

  return (
    <section aria-labelledby="comparison-heading" className="schakel-section">
      <Heading2 id="comparison-heading" ref={headingRef} tabIndex={-1} className="schakel-section-heading">
        {t("plan.versions.comparedHeading", { from, to })}
      </Heading2>
      {resource.status === "loading" ? <LoadingMessage /> : null}
      {resource.status === "failed" || resource.status === "not-found" ? (
        <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />
      ) : null}
      {resource.status === "loaded" ? (
        <PlanComparison comparisons={resource.data} names={names} detail={detail} />
      ) : null}
    </section>
  );
}
