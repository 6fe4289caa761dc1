import { Button, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "./page-heading";
import { useDocumentTitle } from "./use-document-title";

/** Shown instead of any page when GET /auth/me got no usable answer. */
export function SessionUnavailable({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  useDocumentTitle(t("shell.unavailable.title"));
  return (
    <>
      <PageHeading>{t("shell.unavailable.title")}</PageHeading>
      <Paragraph>{t("shell.unavailable.text")}</Paragraph>
      <Button appearance="primary-action-button" onClick={onRetry}>
        {t("shell.unavailable.retry")}
      </Button>
    </>
  );
}
