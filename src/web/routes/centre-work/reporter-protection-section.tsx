import { Alert, Heading2, Paragraph } from "@utrecht/component-library-react";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { decideReporterProtection, fetchReporterProtection } from "../../api/centre-work";
import { useResource } from "../../api/use-resource";
import { CheckboxField, TextareaField } from "../../components/form-fields";
import { LoadFailed } from "../../components/load-failed";
import { LoadingMessage } from "../../components/loading-message";
import { SuccessNotice, useSuccessNotice } from "../../components/success-notice";
import { messageFor } from "../../forms/problems";
import { useFormatters } from "../../i18n/format";
import { ActionForm } from "./action-form";

/**
 * Whether the centre keeps this report's reporter from the family, and why (DOMAIN.md 1: when the
 * reporter's or the victim's safety or a relationship of trust requires it). For the centre only.
 */
export function ReporterProtectionSection({ reportId, canDecide }: { reportId: string; canDecide: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const notice = useSuccessNotice();
  const load = useCallback((signal: AbortSignal) => fetchReporterProtection(reportId, signal), [reportId]);
  const { resource, reload } = useResource(`reporter-protection-${reportId}`, load);
  const [isProtected, setProtected] = useState<boolean | null>(null);
  const [reason, setReason] = useState("");

  let body = null;
  if (resource.status === "loading") {
    body = <LoadingMessage />;
  } else if (resource.status !== "loaded") {
    body = <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />;
  } else {
    const current = resource.data;
    const checked = isProtected ?? current.protected;
    const reasonProblem = {
      fieldId: "reporter-protection-reason",
      message: t("centreWork.protection.reasonError"),
    };
    body = (
      <>
        {current.protected ? (
          <Alert type="warning">
            <Paragraph>
              <strong>{t("centreWork.protection.kept")}</strong> {current.reason}
            </Paragraph>
            {current.decidedAt === null ? null : (
              <Paragraph>
                {t("centreWork.protection.since", { date: format.dateTime(current.decidedAt) })}
              </Paragraph>
            )}
          </Alert>
        ) : (
          <Paragraph>{t("centreWork.protection.notKept")}</Paragraph>
        )}
        <SuccessNotice message={notice.message} occurrence={notice.occurrence} />
        {canDecide ? (
          <ActionForm
            submitLabel={t("centreWork.protection.submit")}
            check={() => (checked && reason.trim() === "" ? [reasonProblem] : [])}
            send={() =>
              decideReporterProtection(reportId, {
                protected: checked,
                ...(reason.trim() === "" ? {} : { reason: reason.trim() }),
              })
            }
            fieldOf={() => reasonProblem}
            onDone={() => {
              setProtected(null);
              setReason("");
              notice.show(
                t(checked ? "centreWork.protection.doneKept" : "centreWork.protection.doneNotKept"),
              );
              reload();
            }}
          >
            {(problems) => (
              <>
                <CheckboxField
                  id="reporter-protection-kept"
                  label={t("centreWork.protection.keep")}
                  description={t("centreWork.protection.keepDescription")}
                  checked={checked}
                  onChange={setProtected}
                />
                {checked ? (
                  <TextareaField
                    id="reporter-protection-reason"
                    label={t("centreWork.protection.reason")}
                    value={reason}
                    onChange={setReason}
                    rows={3}
                    maxLength={2000}
                    required
                    error={messageFor(problems, "reporter-protection-reason")}
                  />
                ) : null}
              </>
            )}
          </ActionForm>
        ) : null}
      </>
    );
  }
  return (
    <section aria-labelledby="reporter-protection-heading" className="schakel-section">
      <Heading2 id="reporter-protection-heading">{t("centreWork.protection.heading")}</Heading2>
      {body}
    </section>
  );
}
