import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Heading3,
  Paragraph,
  StatusBadge,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ReportDetail } from "../../../shared/intake";
import { decideMatch } from "../../api/intake";
import { FormFailure } from "../../components/form-failure";
import { useFormFeedback } from "../../forms/use-form-feedback";
import { useFormatters } from "../../i18n/format";
import { reportPersonName } from "./report-person";

type Match = ReportDetail["matches"][number];
type MatchStatus = Match["status"];
type Candidate = NonNullable<Match["candidate"]>;

/**
 * The known person as Schakel knows them (name, birth date, address), so that the intake worker
 * can judge whether it is the same person. Only the centre receives these details.
 */
function CandidateDetails({ candidate, id }: { candidate: Candidate; id: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const name = `${candidate.firstName ?? ""} ${candidate.lastName ?? ""}`.trim();
  const place = [candidate.postcode, candidate.city].filter(Boolean).join(" ");
  const address = [
    candidate.houseNumber === undefined
      ? ""
      : t("matches.candidateHouseNumber", { number: candidate.houseNumber }),
    place,
  ]
    .filter((part) => part !== "")
    .join(", ");
  return (
    <DataList className="schakel-details schakel-candidate" id={id}>
      <DataListItem>
        <DataListKey>{t("matches.candidateName")}</DataListKey>
        <DataListValue>{name === "" ? t("report.unknown") : name}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t("matches.candidateBirthDate")}</DataListKey>
        <DataListValue>
          {candidate.birthDate === undefined ? t("report.unknown") : format.shortDate(candidate.birthDate)}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t("matches.candidateAddress")}</DataListKey>
        <DataListValue>{address === "" ? t("report.unknown") : address}</DataListValue>
      </DataListItem>
    </DataList>
  );
}

/** The score as people read it: a percentage for the usual 0–1 scale. */
function formatScore(score: number, locale: string): string {
  return score <= 1
    ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(score)
    : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(score);
}

/**
 * The candidates matching found for each person of the report ("known elsewhere?"), with the
 * reasons and the known person's open or recent case. A human decides: same person, or not.
 */
export function MatchList({
  report,
  canDecide,
  onChanged,
}: {
  report: ReportDetail;
  canDecide: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : "nl-NL";
  const [decided, setDecided] = useState<Record<string, MatchStatus>>({});
  const [busyId, setBusyId] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const feedback = useFormFeedback();

  useEffect(() => {
    if (focusId !== null) {
      document.getElementById(`match-${focusId}-status`)?.focus();
    }
  }, [focusId]);

  function decide(match: Match, decision: "confirm" | "dismiss"): void {
    if (busyId !== null) {
      return;
    }
    setBusyId(match.id);
    feedback.clear();
    decideMatch(report.id, match.id, decision).then(
      (answer) => {
        setBusyId(null);
        setDecided((current) => ({ ...current, [match.id]: answer.status }));
        setFocusId(match.id);
        onChanged();
      },
      (error: unknown) => {
        setBusyId(null);
        feedback.showFailure(error, { conflict: t("matches.errors.conflict") });
      },
    );
  }

  const personsWithMatches = report.persons.filter((person) =>
    report.matches.some((match) => match.personKey === person.key),
  );

  return (
    <section aria-labelledby="matches-heading" className="schakel-section">
      <Heading2 id="matches-heading">{t("matches.heading")}</Heading2>
      <Paragraph>{t("matches.intro")}</Paragraph>
      <FormFailure message={feedback.failure} occurrence={feedback.occurrence} />
      {personsWithMatches.length === 0 ? <Paragraph>{t("matches.none")}</Paragraph> : null}
      {personsWithMatches.map((person) => {
        const matches = report.matches.filter((match) => match.personKey === person.key);
        const name = reportPersonName(t, report, person.key);
        return (
          <div key={person.key} className="schakel-match-person">
            <Heading3>
              {name} ({t(`personRole.${person.role}`).toLocaleLowerCase()})
            </Heading3>
            <UnorderedList className="schakel-plain-list">
              {matches.map((match, index) => {
                const status = decided[match.id] ?? match.status;
                const descriptionId = `match-${match.id}-description`;
                const candidateId = `match-${match.id}-candidate`;
                const describedBy =
                  match.candidate === undefined ? descriptionId : `${descriptionId} ${candidateId}`;
                return (
                  <UnorderedListItem key={match.id} className="schakel-match">
                    <Paragraph id={descriptionId}>
                      <strong>{t("matches.candidate", { number: index + 1, name })}</strong>{" "}
                      {t("matches.score", { score: formatScore(match.score, locale) })}{" "}
                      {t("matches.reasons", {
                        reasons: match.reasons.map((reason) => t(`matchReason.${reason}`)).join(", "),
                      })}
                    </Paragraph>
                    {match.candidate === undefined ? null : (
                      <CandidateDetails candidate={match.candidate} id={candidateId} />
                    )}
                    <Paragraph>
                      {match.caseId === undefined ? (
                        t("matches.noCase")
                      ) : (
                        <>
                          {t(match.caseStatus === "closed" ? "matches.closedCase" : "matches.openCase")}{" "}
                          <Link to={`/zaken/${match.caseId}`} className="utrecht-link">
                            {match.caseReference ?? t("matches.caseLink")}
                          </Link>
                        </>
                      )}
                    </Paragraph>
                    <Paragraph
                      id={`match-${match.id}-status`}
                      tabIndex={-1}
                      className="schakel-match__status"
                    >
                      <StatusBadge
                        status={
                          status === "confirmed" ? "safe" : status === "dismissed" ? "neutral" : "warning"
                        }
                      >
                        {t(`matchStatus.${status}`)}
                      </StatusBadge>
                    </Paragraph>
                    {status === "proposed" && canDecide ? (
                      <ButtonGroup>
                        <Button
                          appearance="primary-action-button"
                          busy={busyId === match.id}
                          aria-describedby={describedBy}
                          onClick={() => decide(match, "confirm")}
                        >
                          {t("matches.confirm")}
                        </Button>
                        <Button
                          appearance="secondary-action-button"
                          busy={busyId === match.id}
                          aria-describedby={describedBy}
                          onClick={() => decide(match, "dismiss")}
                        >
                          {t("matches.dismiss")}
                        </Button>
                      </ButtonGroup>
                    ) : null}
                  </UnorderedListItem>
                );
              })}
            </UnorderedList>
          </div>
        );
      })}
    </section>
  );
}
