import {
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PersonSearchHit } from "../../shared/person-search";
import { searchPersons } from "../api/journal";
import { ErrorSummary } from "../components/error-summary";
import { FormFailure } from "../components/form-failure";
import { PageHeading } from "../components/page-heading";
import { TextField } from "../components/text-field";
import { useDocumentTitle } from "../components/use-document-title";
import { type FieldProblem, messageFor } from "../forms/problems";
import { useFormFeedback } from "../forms/use-form-feedback";
import { useFormatters } from "../i18n/format";
import { can } from "../session/capabilities";
import { useAuthenticatedUser } from "../session/session-context";
import { isValidDate } from "./case/plan/plan-draft";
import { NoAccessPage } from "./no-access-page";

const pageSize = 20;

/**
 * Search persons and their households (/personen), within what the user's organisation may know:
 * the persons of its cases and, for the centre, of its intake queue. The name is sent in the body
 * of a POST, never in the address.
 */
export function PersonSearchPage() {
  const { t } = useTranslation();
  const user = useAuthenticatedUser();
  useDocumentTitle(t("personSearch.title"));
  if (!can(user, "searchPersons")) {
    return <NoAccessPage />;
  }
  return <PersonSearch />;
}

function PersonSearch() {
  const { t } = useTranslation();
  const format = useFormatters();
  const feedback = useFormFeedback();
  const [name, setName] = useState("");
  const [birthDate, setBirthDate] = useState("");
  const [isBusy, setBusy] = useState(false);
  const [result, setResult] = useState<{
    search: { name?: string; birthDate?: string };
    hits: PersonSearchHit[];
    nextCursor: string | null;
  } | null>(null);

  function run(search: { name?: string; birthDate?: string }, cursor?: string): void {
    setBusy(true);
    searchPersons({ ...search, limit: pageSize, ...(cursor === undefined ? {} : { cursor }) }).then(
      (page) => {
        setBusy(false);
        setResult((current) => ({
          search,
          hits: cursor === undefined || current === null ? page.items : [...current.hits, ...page.items],
          nextCursor: page.nextCursor,
        }));
      },
      (error: unknown) => {
        setBusy(false);
        feedback.showFailure(error);
      },
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const problems: FieldProblem[] = [];
    const trimmed = name.trim();
    if (trimmed === "" && birthDate === "") {
      problems.push({ fieldId: "search-name", message: t("personSearch.errors.empty") });
    } else if (trimmed !== "" && trimmed.length < 2) {
      problems.push({ fieldId: "search-name", message: t("personSearch.errors.name") });
    }
    if (birthDate !== "" && !isValidDate(birthDate)) {
      problems.push({ fieldId: "search-birth-date", message: t("personSearch.errors.birthDate") });
    }
    if (problems.length > 0) {
      feedback.showProblems(problems);
      return;
    }
    feedback.clear();
    run({ ...(trimmed === "" ? {} : { name: trimmed }), ...(birthDate === "" ? {} : { birthDate }) });
  }

  return (
    <>
      <PageHeading>{t("personSearch.title")}</PageHeading>
      <Paragraph>{t("personSearch.intro")}</Paragraph>
      <form noValidate onSubmit={handleSubmit} className="schakel-form" aria-label={t("personSearch.title")}>
        <ErrorSummary problems={feedback.problems} occurrence={feedback.occurrence} />
        <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
        <TextField
          id="search-name"
          label={t("personSearch.name")}
          description={t("personSearch.nameDescription")}
          value={name}
          onChange={setName}
          autoComplete="off"
          maxLength={200}
          error={messageFor(feedback.problems, "search-name")}
        />
        <TextField
          id="search-birth-date"
          type="date"
          label={t("personSearch.birthDate")}
          value={birthDate}
          onChange={setBirthDate}
          autoComplete="off"
          width="medium"
          error={messageFor(feedback.problems, "search-birth-date")}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isBusy}>
            {t("personSearch.submit")}
          </Button>
        </ButtonGroup>
      </form>
      {result === null ? null : (
        <section aria-labelledby="search-results-heading" className="schakel-section">
          <Heading2 id="search-results-heading">{t("personSearch.results")}</Heading2>
          <p className="utrecht-paragraph" role="status">
            {result.hits.length === 0
              ? t("personSearch.none")
              : t("personSearch.shown", { count: result.hits.length })}
          </p>
          {result.hits.length === 0 ? null : (
            <ol className="schakel-timeline" aria-label={t("personSearch.results")}>
              {result.hits.map((hit) => (
                <li key={hit.personId} className="schakel-timeline__item">
                  <p className="utrecht-paragraph schakel-timeline__what">
                    <strong>
                      {`${hit.firstName ?? ""} ${hit.lastName ?? ""}`.trim() || t("personSearch.noName")}
                    </strong>
                    {hit.birthDate === undefined
                      ? null
                      : ` — ${t("personSearch.born", { date: format.shortDate(hit.birthDate) })}`}
                  </p>
                  <UnorderedList>
                    {hit.cases.map((c) => (
                      <UnorderedListItem key={c.caseId}>
                        <Link className="utrecht-link" to={`/zaken/${c.caseId}`}>
                          {t("personSearch.case", { reference: c.reference })}
                        </Link>{" "}
                        ({t(`caseStatus.${c.status}`)},{" "}
                        {t(`personRole.${c.role as "victim"}`, { defaultValue: c.role })})
                      </UnorderedListItem>
                    ))}
                    {hit.reports.map((r) => (
                      <UnorderedListItem key={r.reportId}>
                        <Link className="utrecht-link" to={`/meldingen/${r.reportId}`}>
                          {t("personSearch.report", { reference: r.reference })}
                        </Link>{" "}
                        ({t("personSearch.received", { date: format.dateTime(r.receivedAt) })})
                      </UnorderedListItem>
                    ))}
                  </UnorderedList>
                </li>
              ))}
            </ol>
          )}
          {result.nextCursor === null ? null : (
            <ButtonGroup>
              <Button
                appearance="secondary-action-button"
                busy={isBusy}
                onClick={() => run(result.search, result.nextCursor ?? undefined)}
              >
                {t("personSearch.more")}
              </Button>
            </ButtonGroup>
          )}
        </section>
      )}
    </>
  );
}
