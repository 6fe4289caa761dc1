import { Alert, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { can } from "../../session/capabilities";
import { useAuthenticatedUser } from "../../session/session-context";
import type { CaseAccess } from "./case-model";

/**
 * Why the page offers fewer actions than usual: a closed case, or a role that contributes only
 * measures. (A pending handover explains itself in the decision panel.)
 */
export function CaseStatusNotes({ access }: { access: CaseAccess }) {
  const { t } = useTranslation();
  const user = useAuthenticatedUser();
  if (!access.isWorking) {
    return null;
  }
  if (!access.isOpen) {
    return (
      <Alert type="info">
        <Paragraph>{t("case.notes.closed")}</Paragraph>
      </Alert>
    );
  }
  if (!can(user, "workCases")) {
    return (
      <Alert type="info">
        <Paragraph>
          {t(can(user, "recordMeasures") ? "case.notes.measuresOnly" : "case.notes.readOnly")}
        </Paragraph>
      </Alert>
    );
  }
  return null;
}
