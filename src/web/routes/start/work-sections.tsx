import { Heading2, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { type ReactNode, useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Resource, useResource } from "../../api/use-resource";
import { fetchAgreements, fetchDueFollowUps } from "../../api/worklist";
import { Deadline } from "../../components/deadline";
import { LoadFailed } from "../../components/load-failed";
import { LoadingMessage } from "../../components/loading-message";
import { AgreementDoneButton } from "./partner-sections";

const shown = 20;

/** A start page section around a list that loads by itself. */
function ListSection<T>({
  id,
  heading,
  resource,
  reload,
  empty,
  render,
}: {
  id: string;
  heading: string;
  resource: Resource<T[]>;
  reload: () => void;
  empty: string;
  render: (items: T[]) => ReactNode;
}) {
  let content: ReactNode;
  if (resource.status === "loading") {
    content = <LoadingMessage />;
  } else if (resource.status !== "loaded") {
    content = (
      <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />
    );
  } else if (resource.data.length === 0) {
    content = <Paragraph>{empty}</Paragraph>;
  } else {
    content = render(resource.data);
  }
  return (
    <section aria-labelledby={id} className="schakel-start-section">
      <Heading2 id={id}>{heading}</Heading2>
      {content}
    </section>
  );
}

/** The open agreements the organisation owns across its cases: the earliest (and overdue) first. */
export function AgreementsSection() {
  const { t } = useTranslation();
  const load = useCallback((signal: AbortSignal) => fetchAgreements(shown, signal), []);
  const { resource, reload } = useResource("start-agreements", load);
  return (
    <ListSection
      id="start-agreements"
      heading={t("start.agreements.heading")}
      resource={resource}
      reload={reload}
      empty={t("start.agreements.empty")}
      render={(items) => (
        <UnorderedList className="schakel-plain-list">
          {items.map((item) => (
            <UnorderedListItem key={`${item.caseId}-${item.agreementId}`}>
              <span id={`agreement-${item.caseId}-${item.agreementId}`}>{item.text}</span> —{" "}
              <Link to={`/zaken/${item.caseId}`} className="utrecht-link">
                {t("start.agreements.case", { reference: item.caseReference })}
              </Link>
              .{" "}
              {item.dueOn === null ? (
                t("start.agreements.noDueDate")
              ) : (
                <>
                  {t("start.agreements.due")} <Deadline dueOn={item.dueOn} />
                </>
              )}{" "}
              <AgreementDoneButton
                item={item}
                describedBy={`agreement-${item.caseId}-${item.agreementId}`}
                onDone={reload}
              />
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    />
  );
}

/** The organisation's follow-ups after closure that still need an outcome, the earliest first. */
export function FollowUpsSection() {
  const { t } = useTranslation();
  const load = useCallback((signal: AbortSignal) => fetchDueFollowUps(shown, signal), []);
  const { resource, reload } = useResource("start-follow-ups", load);
  return (
    <ListSection
      id="start-follow-ups"
      heading={t("start.followUps.heading")}
      resource={resource}
      reload={reload}
      empty={t("start.followUps.empty")}
      render={(items) => (
        <UnorderedList className="schakel-plain-list">
          {items.map((item) => (
            <UnorderedListItem key={item.id}>
              <Link to={`/zaken/${item.caseId}`} className="utrecht-link">
                {t("start.agreements.case", { reference: item.caseReference ?? "" })}
              </Link>{" "}
              — {t("start.followUps.moment", { count: item.monthsAfterClosure })}{" "}
              <Deadline dueOn={item.dueOn} />
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    />
  );
}
