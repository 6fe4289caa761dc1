import { Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";

/** A polite status message while something loads. */
export function LoadingMessage() {
  const { t } = useTranslation();
  return (
    <Paragraph role="status" className="schakel-loading">
      {t("shell.loading")}
    </Paragraph>
  );
}
