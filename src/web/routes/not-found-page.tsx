import { Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeading } from "../components/page-heading";
import { useDocumentTitle } from "../components/use-document-title";

/** Any path the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("notFound.title"));
  return (
    <>
      <PageHeading>{t("notFound.title")}</PageHeading>
      <Paragraph>{t("notFound.text")}</Paragraph>
      <Paragraph>
        <Link to="/" className="utrecht-link">
          {t("notFound.home")}
        </Link>
      </Paragraph>
    </>
  );
}
