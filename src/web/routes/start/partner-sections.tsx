import {
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { type ReactNode, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Partnership } from "../../../shared/network";
import {
  completeAgreement,
  decidePartnership,
  fetchHostedStays,
  fetchOwnPartnerships,
} from "../../api/network";
import { useReferenceData, useReferenceNames } from "../../api/use-reference";
import { useResource } from "../../api/use-resource";
import type { AgreementWorkItem } from "../../api/worklist";
import { FormFailure } from "../../components/form-failure";
import { LoadFailed } from "../../components/load-failed";
import { LoadingMessage } from "../../components/loading-message";
import { SuccessNotice, useSuccessNotice } from "../../components/success-notice";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { useFormatters } from "../../i18n/format";
import { useAuthenticatedUser } from "../../session/session-context";
import { purposeText } from "../case/network-partners";
import { ReasonForm } from "../case/reason-form";

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="schakel-start-section">
      <Heading2 id={id}>{heading}</Heading2>
      {children}
    </section>
  );
}

/** Invitations to join a case's network and, for a shelter, the stays it hosts. */
export function PartnerSections() {
  const user = useAuthenticatedUser();
  const { reference } = useReferenceData();
  const isShelter =
    reference.status === "loaded" &&
    reference.data.organisations.some((o) => o.id === user.organisationId && o.kind === "shelter");
  return (
    <>
      <InvitationsSection />
      {isShelter ? <HostedStaysSection /> : null}
    </>
  );
}

/**
 * The organisation's open invitations: the case's reference, the purpose and who invited —
 * nothing of the case itself until it accepts. Accept, or decline with a reason.
 */
function InvitationsSection() {
  const { t } = useTranslation();
  const { reference } = useReferenceData();
  const names = useReferenceNames(reference.status === "loaded" ? reference.data : undefined);
  const load = useCallback((signal: AbortSignal) => fetchOwnPartnerships("invited", signal), []);
  const { resource, reload } = useResource("start-invitations", load);
  const [declining, setDeclining] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [accepted, setAccepted] = useState<Partnership[]>([]);
  const notice = useSuccessNotice();
  const feedback = useFormFeedback();

  function accept(p: Partnership): void {
    if (busy !== null) {
      return;
    }
    setBusy(p.id);
    feedback.clear();
    decidePartnership(p.id, "accept").then(
      () => {
        setBusy(null);
        setAccepted((list) => [...list, p]);
        notice.show(t("partners.start.accepted", { reference: p.caseReference }));
        reload();
      },
      (error: unknown) => {
        setBusy(null);
        feedback.showFailure(error, { conflict: t("partners.conflict") });
        reload();
      },
    );
  }

  // The section appears when there is something to decide (or just decided): most days there is not.
  const isEmpty =
    resource.status === "loading" || (resource.status === "loaded" && resource.data.length === 0);
  if (isEmpty && accepted.length === 0 && notice.message === null) {
    return null;
  }
  let content: ReactNode;
  if (resource.status === "loading") {
    content = <LoadingMessage />;
  } else if (resource.status !== "loaded") {
    content = (
      <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />
    );
  } else if (resource.data.length === 0) {
    content = <Paragraph>{t("partners.start.noInvitations")}</Paragraph>;
  } else {
    content = (
      <UnorderedList className="schakel-plain-list">
        {resource.data.map((p) => {
          const textId = `invitation-${p.id}`;
          return (
            <UnorderedListItem key={p.id} className="schakel-notification">
              <p id={textId} className="utrecht-paragraph">
                {t("partners.start.invitation", {
                  reference: p.caseReference,
                  organisation: names.organisation(p.invitedByOrganisationId),
                  purpose: purposeText(t, p),
                })}
              </p>
              <ButtonGroup>
                <Button
                  appearance="primary-action-button"
                  busy={busy === p.id}
                  aria-describedby={textId}
                  onClick={() => accept(p)}
                >
                  {t("partners.start.accept")}
                </Button>
                <Button
                  appearance="secondary-action-button"
                  aria-describedby={textId}
                  aria-expanded={declining === p.id}
                  onClick={() => setDeclining(declining === p.id ? null : p.id)}
                >
                  {t("partners.start.decline")}
                </Button>
              </ButtonGroup>
              {declining === p.id ? (
                <ReasonForm
                  id={`decline-${p.id}`}
                  label={t("partners.start.declineReason")}
                  submitLabel={t("partners.start.declineSubmit")}
                  emptyMessage={t("partners.errors.reason")}
                  failureMessages={{ conflict: t("partners.conflict") }}
                  appearance="secondary-action-button"
                  onSubmit={(reason) => decidePartnership(p.id, "decline", reason)}
                  onDone={() => {
                    setDeclining(null);
                    notice.show(t("partners.start.declined", { reference: p.caseReference }));
                    reload();
                  }}
                />
              ) : null}
            </UnorderedListItem>
          );
        })}
      </UnorderedList>
    );
  }
  return (
    <Section id="start-invitations" heading={t("partners.start.invitationsHeading")}>
      <SuccessNotice message={notice.message} occurrence={notice.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      {accepted.length === 0 ? null : (
        <UnorderedList className="schakel-plain-list">
          {accepted.map((p) => (
            <UnorderedListItem key={p.id}>
              <Link to={`/zaken/${p.caseId}`} className="utrecht-link">
                {t("partners.start.toCase", { reference: p.caseReference })}
              </Link>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {content}
    </Section>
  );
}

/** The stays the shelter hosts that have not ended, the earliest first. */
function HostedStaysSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const load = useCallback((signal: AbortSignal) => fetchHostedStays(signal), []);
  const { resource, reload } = useResource("start-hosted-stays", load);
  let content: ReactNode;
  if (resource.status === "loading") {
    content = <LoadingMessage />;
  } else if (resource.status !== "loaded") {
    content = (
      <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />
    );
  } else if (resource.data.length === 0) {
    content = <Paragraph>{t("partners.start.noStays")}</Paragraph>;
  } else {
    content = (
      <UnorderedList className="schakel-plain-list">
        {resource.data.map((stay) => (
          <UnorderedListItem key={stay.id}>
            <Link to={`/zaken/${stay.caseId}`} className="utrecht-link">
              {t("start.agreements.case", { reference: stay.caseReference })}
            </Link>{" "}
            —{" "}
            {t("partners.start.stay", {
              kind: t(`shelterKind.${stay.kind}`).toLocaleLowerCase(),
              date: format.shortDate(stay.startsOn),
              count: stay.personCount,
            })}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    );
  }
  return (
    <Section id="start-stays" heading={t("partners.start.staysHeading")}>
      {content}
    </Section>
  );
}

/**
 * Marks an agreement done with one click: the server writes the new plan version. Only the
 * owning organisation or the director may; the list reloads afterwards.
 */
export function AgreementDoneButton({
  item,
  describedBy,
  onDone,
}: {
  item: AgreementWorkItem;
  describedBy: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  return (
    <>
      <Button
        appearance="secondary-action-button"
        busy={isBusy}
        aria-describedby={describedBy}
        onClick={() => {
          if (isBusy) {
            return;
          }
          setBusy(true);
          feedback.clear();
          completeAgreement(item.caseId, item.agreementId).then(
            () => {
              setBusy(false);
              onDone();
            },
            (error: unknown) => {
              setBusy(false);
              feedback.showFailure(error, { conflict: t("partners.start.alreadyDone") });
            },
          );
        }}
      >
        {t("partners.start.markDone")}
      </Button>
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
    </>
  );
}
