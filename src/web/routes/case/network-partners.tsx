import {
  Button,
  ButtonGroup,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { type FormEvent, type ReactNode, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { type PartnerPurpose, type Partnership, partnerPurposes } from "../../../shared/network";
import { decidePartnership, fetchCasePartnerships, invitePartner } from "../../api/network";
import { useResource } from "../../api/use-resource";
import { ErrorSummary } from "../../components/error-summary";
import { RequiredFieldsNote } from "../../components/field-parts";
import { FormFailure } from "../../components/form-failure";
import { SelectField, TextareaField } from "../../components/form-fields";
import { LoadFailed } from "../../components/load-failed";
import { LoadingMessage } from "../../components/loading-message";
import { SuccessNotice, useSuccessNotice } from "../../components/success-notice";
import { type FieldProblem, messageFor, validationErrorsOf } from "../../forms/problems";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { useFormatters } from "../../i18n/format";
import { can, isCentreUser } from "../../session/capabilities";
import { useAuthenticatedUser } from "../../session/session-context";
import type { CaseSectionProps } from "./case-model";
import { ReasonForm } from "./reason-form";

/** Kinds of organisation that can join a network (as the server allows). */
const partnerKinds = new Set([
  "centre",
  "local-team",
  "mda-team",
  "shelter",
  "child-protection",
  "police",
  "other",
]);

/** "Opvang — Crisisplek voor moeder en kind" */
export function purposeText(
  t: (key: `partners.purpose.${PartnerPurpose}`) => string,
  p: Partnership,
): string {
  const label = t(`partners.purpose.${p.purpose}`);
  return p.purposeText === "" ? label : `${label} — ${p.purposeText}`;
}

/**
 * The case's network partners (netwerkpartners): who joined for what purpose, since when, and
 * who was invited, declined or left. The director or the centre invites; a partner or the
 * director ends a partnership. Joining is not a handover: the partner sees only its part.
 */
export function NetworkPartners({ data, names, organisations, onChanged }: CaseSectionProps) {
  const { t } = useTranslation();
  const user = useAuthenticatedUser();
  const format = useFormatters();
  const { detail } = data;
  const caseId = detail.id;
  const load = useCallback((signal: AbortSignal) => fetchCasePartnerships(caseId, signal), [caseId]);
  const { resource, reload } = useResource(`case-partners-${caseId}`, load);
  const [ending, setEnding] = useState<string | null>(null);
  const notice = useSuccessNotice();
  const isOpen = detail.status === "open";
  const isPartnerView = detail.access.view === "network-partner";
  const directs =
    !isPartnerView &&
    (detail.director?.userId === user.id || isCentreUser(user, organisations)) &&
    detail.access.ground !== "pending-handover";
  const canInvite = directs && isOpen && can(user, "inviteNetworkPartners");
  const changed = (message: string) => {
    notice.show(message);
    setEnding(null);
    reload();
    onChanged();
  };

  let content: ReactNode;
  if (resource.status === "loading") {
    content = <LoadingMessage />;
  } else if (resource.status !== "loaded") {
    content = (
      <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />
    );
  } else if (resource.data.length === 0) {
    content = <Paragraph>{t("partners.none")}</Paragraph>;
  } else {
    content = (
      <div className="schakel-table-scroll">
        <Table className="schakel-table">
          <TableCaption className="schakel-visually-hidden">{t("partners.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("partners.organisation")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("partners.purposeLabel")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("partners.statusLabel")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("partners.actions")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {resource.data.map((p) => {
              const isOwn = p.organisationId === user.organisationId;
              const mayEnd =
                can(user, "decideNetwork") &&
                ((p.status === "active" && (isOwn || directs)) || (p.status === "invited" && directs));
              const when = p.endedAt ?? p.decidedAt ?? p.invitedAt;
              const reason = p.declineReason ?? p.endReason;
              return (
                <TableRow key={p.id}>
                  <TableHeaderCell scope="row">{names.organisation(p.organisationId)}</TableHeaderCell>
                  <TableCell data-label={t("partners.purposeLabel")}>{purposeText(t, p)}</TableCell>
                  <TableCell data-label={t("partners.statusLabel")}>
                    {t(`partners.status.${p.status}`, { date: format.shortDate(when.slice(0, 10)) })}
                    {p.viaShelterStay ? ` ${t("partners.viaShelterStay")}` : ""}
                    {reason === null ? null : (
                      <>
                        <br />
                        {t("partners.reason", { reason })}
                      </>
                    )}
                  </TableCell>
                  <TableCell data-label={t("partners.actions")}>
                    {mayEnd ? (
                      <Button
                        appearance="secondary-action-button"
                        aria-expanded={ending === p.id}
                        aria-controls={`partner-end-${p.id}`}
                        onClick={() => setEnding(ending === p.id ? null : p.id)}
                      >
                        {p.status === "invited"
                          ? t("partners.withdraw")
                          : isOwn
                            ? t("partners.leave")
                            : t("partners.end")}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    );
  }
  const endingPartnership =
    resource.status === "loaded" ? resource.data.find((p) => p.id === ending) : undefined;

  return (
    <>
      <Heading3>{t("partners.heading")}</Heading3>
      <Paragraph>{t("partners.intro")}</Paragraph>
      <SuccessNotice message={notice.message} occurrence={notice.occurrence} />
      {content}
      {endingPartnership === undefined ? null : (
        <div id={`partner-end-${endingPartnership.id}`}>
          <ReasonForm
            id={`partner-end-form-${endingPartnership.id}`}
            label={t("partners.endReason", {
              organisation: names.organisation(endingPartnership.organisationId),
            })}
            description={t("partners.endReasonDescription")}
            submitLabel={
              endingPartnership.status === "invited" ? t("partners.withdraw") : t("partners.endSubmit")
            }
            emptyMessage={t("partners.errors.reason")}
            failureMessages={{ conflict: t("partners.conflict") }}
            appearance="secondary-action-button"
            onSubmit={(reason) => decidePartnership(endingPartnership.id, "end", reason)}
            onDone={() => changed(t("partners.ended"))}
          />
        </div>
      )}
      {canInvite ? (
        <InviteForm
          caseId={caseId}
          targets={organisations.filter(
            (o) =>
              partnerKinds.has(o.kind) &&
              o.id !== user.organisationId &&
              !detail.involvedOrganisationIds.includes(o.id) &&
              !(
                resource.status === "loaded" &&
                resource.data.some(
                  (p) => p.organisationId === o.id && (p.status === "invited" || p.status === "active"),
                )
              ),
          )}
          onDone={() => changed(t("partners.invited"))}
        />
      ) : null}
    </>
  );
}

function InviteForm({
  caseId,
  targets,
  onDone,
}: {
  caseId: string;
  targets: { id: string; name: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [organisationId, setOrganisationId] = useState("");
  const [purpose, setPurpose] = useState<PartnerPurpose | "">("");
  const [text, setText] = useState("");
  const [isBusy, setBusy] = useState(false);
  const feedback = useFormFeedback();

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const problems: FieldProblem[] = [];
    if (organisationId === "") {
      problems.push({ fieldId: "partner-organisation", message: t("partners.errors.organisation") });
    }
    if (purpose === "") {
      problems.push({ fieldId: "partner-purpose", message: t("partners.errors.purpose") });
    }
    if (problems.length > 0 || purpose === "") {
      feedback.showProblems(problems);
      return;
    }
    setBusy(true);
    feedback.clear();
    invitePartner(caseId, {
      organisationId,
      purpose,
      ...(text.trim() === "" ? {} : { purposeText: text.trim() }),
    }).then(
      () => {
        setBusy(false);
        setOrganisationId("");
        setPurpose("");
        setText("");
        onDone();
      },
      (error: unknown) => {
        setBusy(false);
        const errors = validationErrorsOf(error);
        if (errors !== undefined) {
          feedback.showProblems(
            errors.map(({ path }) =>
              path.startsWith("organisationId")
                ? { fieldId: "partner-organisation", message: t("partners.errors.organisation") }
                : path.startsWith("purposeText")
                  ? { fieldId: "partner-text", message: t("partners.errors.text") }
                  : { fieldId: "partner-purpose", message: t("partners.errors.purpose") },
            ),
          );
          return;
        }
        feedback.showFailure(error, { conflict: t("partners.conflict") });
      },
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="schakel-form">
      <Heading3>{t("partners.inviteHeading")}</Heading3>
      <RequiredFieldsNote />
      <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      <Paragraph>{t("partners.inviteIntro")}</Paragraph>
      <SelectField
        id="partner-organisation"
        label={t("partners.organisation")}
        value={organisationId}
        onChange={setOrganisationId}
        emptyOption={t("forms.choose")}
        options={targets.map((o) => ({ value: o.id, label: o.name }))}
        required
        error={messageFor(feedback.problems, "partner-organisation")}
      />
      <SelectField
        id="partner-purpose"
        label={t("partners.purposeLabel")}
        value={purpose}
        onChange={setPurpose}
        emptyOption={t("forms.choose")}
        options={partnerPurposes.map((value) => ({ value, label: t(`partners.purpose.${value}`) }))}
        required
        error={messageFor(feedback.problems, "partner-purpose")}
      />
      <TextareaField
        id="partner-text"
        label={t("partners.purposeText")}
        description={t("partners.purposeTextDescription")}
        value={text}
        onChange={setText}
        rows={2}
        maxLength={1000}
        error={messageFor(feedback.problems, "partner-text")}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isBusy}>
          {t("partners.inviteSubmit")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
