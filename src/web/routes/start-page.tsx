import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from "@utrecht/component-library-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { fetchOrganisations } from "../api/reference";
import { PageHeading } from "../components/page-heading";
import { useDocumentTitle } from "../components/use-document-title";
import { useAuthenticatedUser, useSession } from "../session/session-context";

type OrganisationName =
  | { status: "loading" }
  | { status: "loaded"; name: string | undefined }
  | { status: "failed" };

/** Loads the name of the user's organisation from the reference list. */
function useOrganisationName(organisationId: string): OrganisationName {
  const { expire } = useSession();
  const [state, setState] = useState<OrganisationName>({ status: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    fetchOrganisations(controller.signal).then(
      (organisations) => {
        const organisation = organisations.find((candidate) => candidate.id === organisationId);
        setState({ status: "loaded", name: organisation?.name });
      },
      (error: unknown) => {
        if (controller.signal.aborted) {
          return;
        }
        if (error instanceof ApiError && error.status === 401) {
          expire();
          return;
        }
        setState({ status: "failed" });
      },
    );
    return () => {
      controller.abort();
    };
  }, [organisationId, expire]);

  return state;
}

/**
 * A worker's start page: who they are, and the three lists later work fills: the queue with its
 * deadlines, their cases and the pending handovers. Until those exist the lists are honestly empty.
 */
export function StartPage() {
  const { t } = useTranslation();
  const user = useAuthenticatedUser();
  const organisation = useOrganisationName(user.organisationId);
  useDocumentTitle(t("start.title"));

  let organisationText: string;
  if (organisation.status === "loading") {
    organisationText = t("shell.loading");
  } else if (organisation.status === "failed") {
    organisationText = t("start.organisationError");
  } else {
    organisationText = organisation.name ?? t("start.organisationUnknown");
  }
  const roleText =
    user.roles.length === 0 ? t("start.noRoles") : user.roles.map((role) => t(`roles.${role}`)).join(", ");

  const sections = [
    { id: "queue", heading: t("start.queue.heading"), empty: t("start.queue.empty") },
    { id: "cases", heading: t("start.cases.heading"), empty: t("start.cases.empty") },
    { id: "handovers", heading: t("start.handovers.heading"), empty: t("start.handovers.empty") },
  ];

  return (
    <>
      <PageHeading>{t("start.heading", { name: user.displayName })}</PageHeading>
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
      <div className="schakel-start-sections">
        {sections.map((section) => (
          <section key={section.id} aria-labelledby={`start-${section.id}`} className="schakel-start-section">
            <Heading2 id={`start-${section.id}`}>{section.heading}</Heading2>
            <Paragraph>{section.empty}</Paragraph>
          </section>
        ))}
      </div>
    </>
  );
}
