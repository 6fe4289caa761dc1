import { Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../i18n/format";
import type { CaseSectionProps } from "./case-model";
import { describeHistoryEntry } from "./history-text";

/** Every change to the case as a timeline, newest first: what, who, which organisation, when, why. */
export function HistorySection({ data, names, userNames }: CaseSectionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const entries = [...data.history].reverse();
  if (entries.length === 0) {
    return <Paragraph>{t("case.history.none")}</Paragraph>;
  }
  const historyNames = { detail: data.detail, organisation: names.organisation, userNames, format };
  return (
    <ol className="schakel-timeline" aria-label={t("case.history.label")}>
      {entries.map((entry) => (
        <li key={entry.id} className="schakel-timeline__item">
          <p className="utrecht-paragraph schakel-timeline__what">
            <strong>{describeHistoryEntry(t, entry, historyNames)}</strong>
          </p>
          <p className="utrecht-paragraph schakel-timeline__meta">
            <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
            {" — "}
            {entry.userName === null
              ? t("case.history.bySystem")
              : entry.organisationName === null
                ? t("case.history.by", { name: entry.userName })
                : t("case.history.byAt", { name: entry.userName, organisation: entry.organisationName })}
          </p>
          {entry.reason === undefined ? null : (
            <p className="utrecht-paragraph schakel-timeline__reason schakel-narrative">
              {t("case.history.reason", { reason: entry.reason })}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
