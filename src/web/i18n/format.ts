import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/** Formats dates and instants in the interface language; times as the users see them, in the Netherlands. */
export interface Formatters {
  /** A `YYYY-MM-DD` date, e.g. "maandag 30 november 2026". */
  date: (isoDate: string) => string;
  /** A `YYYY-MM-DD` date without the weekday, e.g. "14 maart 1988". */
  shortDate: (isoDate: string) => string;
  /** An ISO instant in Amsterdam time, e.g. "23 november 2026 om 14:33". */
  dateTime: (instant: string) => string;
  /** A list such as "a, b en c". */
  list: (items: string[]) => string;
}

/** The formatters for the current interface language. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : "nl-NL";
  return useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(locale, {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    const shortDateFormat = new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      dateStyle: "long",
      timeStyle: "short",
      timeZone: "Europe/Amsterdam",
    });
    const listFormat = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
    // A date is a calendar day: read and written in UTC, so no time zone can shift it.
    const asDay = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
    return {
      date: (isoDate) => dateFormat.format(asDay(isoDate)),
      shortDate: (isoDate) => shortDateFormat.format(asDay(isoDate)),
      dateTime: (instant) => dateTimeFormat.format(new Date(instant)),
      list: (items) => listFormat.format(items),
    };
  }, [locale]);
}
