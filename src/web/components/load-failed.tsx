import { Alert, Button, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { NetworkError } from "../api/client";

/** Data could not be loaded: say so, and offer to try again. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert type="error">
      <Paragraph>{t(error instanceof NetworkError ? "load.network" : "load.failed")}</Paragraph>
      <Button appearance="secondary-action-button" onClick={onRetry}>
        {t("load.retry")}
      </Button>
    </Alert>
  );
}
