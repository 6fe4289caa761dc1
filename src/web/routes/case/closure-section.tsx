import {
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
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { reopenCase } from "../../api/cases";
import { Deadline } from "../../components/deadline";
import { SuccessNotice, useSuccessNotice } from "../../components/success-notice";
import { dateInAmsterdam } from "../../deadlines/working-days";
import { useFormatters } from "../../i18n/format";
import { can } from "../../session/capabilities";
import { useAuthenticatedUser } from "../../session/session-context";
import type { CaseSectionProps } from "./case-model";
import { Disclosure } from "./case-section";
import { CloseCaseForm } from "./close-case-form";
import { FollowUpForm } from "./follow-up-form";
import { ReasonForm } from "./reason-form";

/** Closing the case with a reason (follow-ups at 3, 6 and 12 months follow), reopening, and the follow-ups. */
export function ClosureSection(props: CaseSectionProps) {
  const { data, access, names, onChanged } = props;
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useAuthenticatedUser();
  const notice = useSuccessNotice();
  const followUpNotice = useSuccessNotice();
  const { detail, followUps } = data;
  const mayClose = access.isWorking && can(user, "workCases");
  const hasPendingHandover = detail.handovers.some((handover) => handover.status === "pending");

  return (
    <>
      <Paragraph>{t(`case.closure.status.${detail.status}`)}</Paragraph>
      <SuccessNotice message={notice.message} occurrence={notice.occurrence} />
      {mayClose && detail.status === "open" ? (
        <Disclosure summary={t("case.closure.close")}>
          {hasPendingHandover ? <Paragraph>{t("case.closure.pendingHandover")}</Paragraph> : null}
          <CloseCaseForm
            props={props}
            onDone={() => {
              notice.show(t("case.closure.closed"));
              onChanged();
            }}
          />
        </Disclosure>
      ) : null}
      {mayClose && detail.status === "closed" ? (
        <Disclosure summary={t("case.closure.reopen")}>
          <ReasonForm
            id="reopen-case"
            label={t("case.closure.reopenReason")}
            description={t("case.closure.reopenDescription")}
            submitLabel={t("case.closure.reopen")}
            emptyMessage={t("case.closure.errors.reason")}
            failureMessages={{ conflict: t("case.closure.conflict") }}
            onSubmit={(reason) => reopenCase(detail.id, reason)}
            onDone={() => {
              notice.show(t("case.closure.reopened"));
              onChanged();
            }}
          />
        </Disclosure>
      ) : null}

      <Heading3>{t("case.followUps.heading")}</Heading3>
      {followUps.length === 0 ? (
        <Paragraph>{t("case.followUps.none")}</Paragraph>
      ) : (
        <div className="schakel-table-scroll">
          <Table className="schakel-table" id="follow-ups">
            <TableCaption className="schakel-visually-hidden">{t("case.followUps.caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("case.followUps.moment")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("case.followUps.dueOn")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("case.followUps.by")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("case.followUps.result")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {followUps.map((followUp) => (
                <TableRow key={followUp.id}>
                  <TableHeaderCell scope="row">
                    {t("case.followUps.after", { count: followUp.monthsAfterClosure })}
                  </TableHeaderCell>
                  <TableCell data-label={t("case.followUps.dueOn")}>
                    <Deadline dueOn={followUp.dueOn} showBadge={followUp.status === "due"} />
                  </TableCell>
                  <TableCell data-label={t("case.followUps.by")}>
                    {names.organisation(followUp.organisationId)}
                  </TableCell>
                  <TableCell data-label={t("case.followUps.result")}>
                    {followUp.status === "recorded" && followUp.outcome !== undefined
                      ? t(`followUpOutcome.${followUp.outcome}`)
                      : t(`followUpStatus.${followUp.status}`)}
                    {followUp.notes === undefined ? "" : ` — ${followUp.notes}`}
                    {followUp.outcome === "new-violence" && can(user, "createReports") ? (
                      <>
                        <br />
                        <Link to={`/meldingen/nieuw?zaak=${detail.id}`} className="utrecht-link">
                          {t("caseRules.newReport")}
                        </Link>
                      </>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <SuccessNotice message={followUpNotice.message} occurrence={followUpNotice.occurrence} />
      {can(user, "workFollowUps")
        ? followUps
            .filter(
              (followUp) => followUp.status === "due" && followUp.organisationId === user.organisationId,
            )
            .map((followUp) =>
              followUp.opensOn > dateInAmsterdam(new Date()) ? (
                <Paragraph key={followUp.id}>
                  {t("caseRules.followUpOpensOn", {
                    count: followUp.monthsAfterClosure,
                    date: format.date(followUp.opensOn),
                  })}
                </Paragraph>
              ) : (
                <Disclosure
                  key={followUp.id}
                  summary={t("case.followUps.record", { count: followUp.monthsAfterClosure })}
                >
                  <FollowUpForm
                    followUp={followUp}
                    onDone={(outcome) => {
                      followUpNotice.show(
                        t("case.followUps.done", {
                          count: followUp.monthsAfterClosure,
                          outcome: t(`followUpOutcome.${outcome}`),
                        }),
                      );
                      onChanged();
                    }}
                  />
                </Disclosure>
              ),
            )
        : null}
    </>
  );
}
