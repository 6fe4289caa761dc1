import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import nl from "./nl.json";

/** The interface languages, Dutch first: it is the users' language and the default. */
export const languages = ["nl", "en"] as const;
export type Language = (typeof languages)[number];

const defaultLanguage: Language = "nl";
const storageKey = "schakel.language";

// English must offer every message Dutch has; the compiler checks it here.
const english: typeof nl = en;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof nl };
  }
}

/** Whether a value is one of the supported interface languages. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    // Storage can be unavailable (privacy settings); the default language is then used.
    return defaultLanguage;
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembering the choice is acceptable; the page itself still switches.
  }
}

/** Starts i18next with the stored (or default) language and keeps `<html lang>` in step with it. */
export async function setUpI18n(): Promise<void> {
  const language = readStoredLanguage();
  document.documentElement.lang = language;
  await i18next.use(initReactI18next).init({
    resources: { nl: { translation: nl }, en: { translation: english } },
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: languages,
    initAsync: false,
    // React escapes what it renders; escaping twice would show entities such as &amp;.
    interpolation: { escapeValue: false },
  });
  i18next.on("languageChanged", (next) => {
    if (isLanguage(next)) {
      document.documentElement.lang = next;
      storeLanguage(next);
    }
  });
}

/** Switches the interface language; the choice is remembered in localStorage. */
export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
}
