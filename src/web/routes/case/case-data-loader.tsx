import type { ReactNode } from "react";
import { useCallback } from "react";
import { useParams } from "react-router";
import type { Organisation } from "../../../shared/reference";
import { isUuid } from "../../api/page";
import { useReferenceData } from "../../api/use-reference";
import { useResource } from "../../api/use-resource";
import { LoadFailed } from "../../components/load-failed";
import { LoadingMessage } from "../../components/loading-message";
import { PageHeading } from "../../components/page-heading";
import { NotFoundPage } from "../not-found-page";
import { type CaseData, loadCaseData } from "./case-model";

/**
 * Loads the case of the address (/zaken/:id…) with the reference data, and shows the not-found
 * page (the API answers 404 for a case the user may not see), a retry on failure, or the page.
 */
export function CaseDataLoader({
  resourceKey,
  unknownTitle,
  children,
}: {
  /** Distinguishes this page's cache entry from other pages of the same case. */
  resourceKey: string;
  /** The heading when the case could not be loaded. */
  unknownTitle: string;
  children: (data: CaseData, organisations: Organisation[], reload: () => void) => ReactNode;
}) {
  const { id = "" } = useParams();
  const { reference, reload: reloadReference } = useReferenceData();
  const load = useCallback(
    (signal: AbortSignal) => (isUuid(id) ? loadCaseData(id, signal) : Promise.reject(new Error("not an id"))),
    [id],
  );
  const { resource, reload } = useResource(`${resourceKey}-${id}`, load);

  // An address that cannot name a case is simply not found (the API would refuse it as invalid).
  if (!isUuid(id) || resource.status === "not-found") {
    return <NotFoundPage />;
  }
  if (resource.status === "failed" || reference.status === "failed" || reference.status === "not-found") {
    return (
      <>
        <PageHeading>{unknownTitle}</PageHeading>
        <LoadFailed
          error={resource.status === "failed" ? resource.error : undefined}
          onRetry={() => {
            reload();
            reloadReference();
          }}
        />
      </>
    );
  }
  if (resource.status === "loading" || reference.status === "loading") {
    return <LoadingMessage />;
  }
  return children(resource.data, reference.data.organisations, reload);
}
