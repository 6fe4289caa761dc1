import { Button, ButtonGroup, Paragraph, StatusBadge } from "@utrecht/component-library-react";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { type JournalEntry, type JournalKind, journalKinds } from "../../../shared/journal";
import { fetchJournal, journalDocumentUrl } from "../../api/journal";
import { useResource } from "../../api/use-resource";
import { SelectField } from "../../components/form-fields";
import { LoadFailed } from "../../components/load-failed";
import { LoadingMessage } from "../../components/loading-message";
import { SuccessNotice, useSuccessNotice } from "../../components/success-notice";
import { useFormatters } from "../../i18n/format";
import { can } from "../../session/capabilities";
import { useAuthenticatedUser } from "../../session/session-context";
import { type CaseSectionProps, personName } from "./case-model";
import { Disclosure } from "./case-section";
import { JournalEntryForm } from "./journal-entry-form";

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;

/**
 * The case journal: contacts, conversations, home visits, information from third parties and
 * documents, newest first, filtered by kind and person; adding an entry and correcting one. The
 * server sends only the entries the user may read.
 */
export function JournalSection({ data, access, names }: CaseSectionProps) {
  const { t } = useTranslation();
  const user = useAuthenticatedUser();
  const format = useFormatters();
  const notice = useSuccessNotice();
  const { detail } = data;
  const [kind, setKind] = useState<JournalKind | "">("");
  const [personId, setPersonId] = useState("");
  const [more, setMore] = useState<{ key: string; items: JournalEntry[]; cursor: string | null }>({
    key: "",
    items: [],
    cursor: null,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const key = `journal-${detail.id}-${kind}-${personId}`;
  const load = useCallback(
    (signal: AbortSignal) =>
      fetchJournal(
        detail.id,
        { kind: kind === "" ? undefined : kind, personId: personId === "" ? undefined : personId },
        signal,
      ),
    [detail.id, kind, personId],
  );
  const { resource, reload } = useResource(key, load);
  const canWrite = access.isWorking && can(user, "writeJournal");

  if (resource.status === "loading") {
    return <LoadingMessage />;
  }
  if (resource.status !== "loaded") {
    return <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />;
  }
  const extra = more.key === key ? more : { key, items: [], cursor: resource.data.nextCursor };
  const entries = [...resource.data.items, ...extra.items];
  const nextCursor = extra.items.length === 0 ? resource.data.nextCursor : extra.cursor;
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const persons = (ids: string[]) => format.list(ids.map((id) => personName(t, detail, id)));
  const mayCorrect = (entry: JournalEntry) =>
    canWrite &&
    entry.correctedByEntryId === null &&
    entry.author.organisationId === user.organisationId &&
    (entry.visibility !== "director" || entry.author.userId === user.id);

  function loadMore(): void {
    if (nextCursor === null || loadingMore) {
      return;
    }
    setLoadingMore(true);
    fetchJournal(detail.id, {
      kind: kind === "" ? undefined : kind,
      personId: personId === "" ? undefined : personId,
      cursor: nextCursor,
    }).then(
      (page) => {
        setLoadingMore(false);
        setMore({ key, items: [...extra.items, ...page.items], cursor: page.nextCursor });
      },
      () => setLoadingMore(false),
    );
  }

  function written(message: string): void {
    notice.show(message);
    setMore({ key: "", items: [], cursor: null });
    reload();
  }

  return (
    <>
      <Paragraph>{t("journal.intro")}</Paragraph>
      <SuccessNotice message={notice.message} occurrence={notice.occurrence} />
      {canWrite ? (
        <Disclosure summary={t("journal.add")}>
          <JournalEntryForm
            id="journal-new"
            detail={detail}
            onWritten={() => written(t("journal.written"))}
          />
        </Disclosure>
      ) : null}
      <div className="schakel-journal-filters">
        <SelectField
          id="journal-filter-kind"
          label={t("journal.filter.kind")}
          value={kind}
          onChange={setKind}
          emptyOption={t("journal.filter.allKinds")}
          options={journalKinds.map((value) => ({ value, label: t(`journal.kind.${value}`) }))}
        />
        <SelectField
          id="journal-filter-person"
          label={t("journal.filter.person")}
          value={personId}
          onChange={setPersonId}
          emptyOption={t("journal.filter.allPersons")}
          options={detail.persons.map((p) => ({ value: p.id, label: personName(t, detail, p.id) }))}
        />
      </div>
      {entries.length === 0 ? (
        <Paragraph>
          {kind === "" && personId === "" ? t("journal.none") : t("journal.noneFiltered")}
        </Paragraph>
      ) : (
        <ol className="schakel-timeline" aria-label={t("journal.label")}>
          {entries.map((entry) => (
            <li
              key={entry.id}
              id={`journal-${entry.id}`}
              className="schakel-timeline__item schakel-journal-entry"
            >
              <p className="utrecht-paragraph schakel-timeline__what">
                <strong>
                  {t(`journal.kind.${entry.kind}`)} —{" "}
                  <time dateTime={entry.occurredOn}>{format.shortDate(entry.occurredOn)}</time>
                </strong>{" "}
                <StatusBadge status={entry.visibility === "network" ? "neutral" : "warning"}>
                  {t(`journal.visibility.${entry.visibility}`)}
                </StatusBadge>
                {entry.correctedByEntryId === null ? null : (
                  <>
                    {" "}
                    <StatusBadge status="warning">{t("journal.corrected")}</StatusBadge>
                  </>
                )}
              </p>
              <p className="utrecht-paragraph schakel-timeline__meta">
                {t("journal.byAt", {
                  name: entry.author.name,
                  organisation: names.organisation(entry.author.organisationId),
                  at: format.dateTime(entry.recordedAt),
                })}
              </p>
              <p className="utrecht-paragraph schakel-timeline__meta">
                {t("journal.about", { persons: persons(entry.personIds) })}
                {entry.source === undefined ? null : ` · ${t("journal.source", { source: entry.source })}`}
              </p>
              <p className="utrecht-paragraph schakel-narrative">{entry.text}</p>
              {entry.correctsEntryId === null ? null : (
                <p className="utrecht-paragraph">
                  {byId.get(entry.correctsEntryId) === undefined
                    ? t("journal.correctsUnlisted")
                    : t("journal.corrects", {
                        date: format.shortDate(
                          byId.get(entry.correctsEntryId)?.occurredOn ?? entry.occurredOn,
                        ),
                      })}
                </p>
              )}
              {entry.correctedByEntryId === null ? null : (
                <p className="utrecht-paragraph">{t("journal.correctedBy")}</p>
              )}
              {entry.document === null ? null : (
                <p className="utrecht-paragraph">
                  <a className="utrecht-link" href={journalDocumentUrl(entry.id)} download>
                    {t("journal.download", {
                      name: entry.document.fileName,
                      size: sizeText(entry.document.sizeBytes),
                    })}
                  </a>
                </p>
              )}
              {mayCorrect(entry) ? (
                <Disclosure summary={t("journal.correct")}>
                  <JournalEntryForm
                    id={`journal-correct-${entry.id}`}
                    detail={detail}
                    corrects={entry}
                    onWritten={() => written(t("journal.correctionWritten"))}
                  />
                </Disclosure>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {nextCursor === null ? null : (
        <ButtonGroup>
          <Button appearance="secondary-action-button" busy={loadingMore} onClick={loadMore}>
            {t("journal.more")}
          </Button>
        </ButtonGroup>
      )}
    </>
  );
}
