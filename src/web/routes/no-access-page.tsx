import { Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeading } from "../components/page-heading";
import { useDocumentTitle } from "../components/use-document-title";

/** A page the user's role cannot use (the API would answer 403). */
export function NoAccessPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("noAccess.title"));
  return (
    <>
      <PageHeading>{t("noAccess.title")}</PageHeading>
      <Paragraph>{t("noAccess.text")}</Paragraph>
      <Paragraph>
        <Link to="/" className="utrecht-link">
          {t("notFound.home")}
        </Link>
      </Paragraph>
    </>
  );
}
