import { Button } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { changeLanguage, isLanguage, type Language, languages } from "../i18n";

/**
 * Two toggle buttons, "Nederlands" and "English", each named in its own language (and marked
 * with that `lang`), so the switch can be found whichever language the page is in.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = isLanguage(i18n.language) ? i18n.language : "nl";

  return (
    <fieldset className="schakel-language-switch">
      <legend className="schakel-visually-hidden">{t("language.label")}</legend>
      {languages.map((language) => (
        <Button
          key={language}
          appearance="subtle-button"
          lang={language}
          pressed={language === current}
          onClick={() => {
            changeLanguage(language).catch(() => {
              // Both languages are bundled, so switching cannot fail to load anything.
            });
          }}
        >
          {t(`language.${language}`)}
        </Button>
      ))}
    </fieldset>
  );
}
