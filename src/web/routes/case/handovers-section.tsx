import {
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
import { Deadline } from "../../components/deadline";
import { SuccessNotice, useSuccessNotice } from "../../components/success-notice";
import { useFormatters } from "../../i18n/format";
import { useAuthenticatedUser } from "../../session/session-context";
import { type CaseSectionProps, handoverTargets } from "./case-model";
import { Disclosure } from "./case-section";
import { HandoverForm } from "./handover-form";

/** Every handover of the case (pending ones with their deadline), and proposing a new one. */
export function HandoversSection({ data, access, names, organisations, onChanged }: CaseSectionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useAuthenticatedUser();
  const notice = useSuccessNotice();
  const { detail } = data;
  return (
    <>
      <Paragraph>{t("case.handovers.intro")}</Paragraph>
      {detail.handovers.length === 0 ? (
        <Paragraph>{t("case.noHandovers")}</Paragraph>
      ) : (
        <div className="schakel-table-scroll">
          <Table className="schakel-table">
            <TableCaption className="schakel-visually-hidden">{t("case.handoversCaption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("case.handoverFrom")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("case.handoverTo")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("case.handoverStatus")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("case.handoverCreated")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("case.handoverDue")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("case.handovers.note")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {detail.handovers.map((handover) => (
                <TableRow key={handover.id}>
                  <TableCell data-label={t("case.handoverFrom")}>
                    {names.organisation(handover.fromOrganisationId)}
                  </TableCell>
                  <TableCell data-label={t("case.handoverTo")}>
                    {names.organisation(handover.toOrganisationId)}
                  </TableCell>
                  <TableCell data-label={t("case.handoverStatus")}>
                    {t(`handoverStatus.${handover.status}`)}
                    {handover.declineReason === undefined ? null : (
                      <>
                        <br />
                        {t("caseRules.declineReason", { reason: handover.declineReason })}
                      </>
                    )}
                  </TableCell>
                  <TableCell data-label={t("case.handoverCreated")}>
                    {format.dateTime(handover.createdAt)}
                  </TableCell>
                  <TableCell data-label={t("case.handoverDue")}>
                    <Deadline dueOn={handover.dueOn} showBadge={handover.status === "pending"} />
                    {handover.warmHandoverAt === undefined ? null : (
                      <>
                        <br />
                        {t("case.warmHandover", { at: format.dateTime(handover.warmHandoverAt) })}
                      </>
                    )}
                  </TableCell>
                  <TableCell data-label={t("case.handovers.note")} className="schakel-narrative">
                    {handover.note ?? ""}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <SuccessNotice message={notice.message} occurrence={notice.occurrence} />
      {access.canWork ? (
        <Disclosure summary={t("case.handoverForm.heading")}>
          <HandoverForm
            caseId={detail.id}
            targets={handoverTargets(organisations, user.organisationId)}
            onDone={(organisationId) => {
              notice.show(t("case.handoverForm.done", { organisation: names.organisation(organisationId) }));
              onChanged();
            }}
          />
        </Disclosure>
      ) : null}
    </>
  );
}
