import {
  Alert,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { FieldProblem } from "../forms/problems";

/** Moves focus to a form field (or the first control inside an element) and brings it into view. */
export function focusField(fieldId: string): void {
  const element = document.getElementById(fieldId);
  if (element === null) {
    return;
  }
  const target = element.matches("input, select, textarea, button, a[href], [tabindex]")
    ? element
    : element.querySelector<HTMLElement>("input, select, textarea, button");
  (target ?? element).focus();
  (target ?? element).scrollIntoView({ block: "center" });
}

interface ErrorSummaryProps {
  /** What went wrong, one entry per field, in the order of the form. */
  problems: readonly FieldProblem[];
  /** Changes with every submit, so that focus returns to the summary after each failed attempt. */
  occurrence: number;
  /** Overrides the heading ("Er zijn 2 fouten in het formulier"). */
  title?: string;
}

/**
 * The list of a form's errors at its top, each a link that moves focus to its field (GOV.UK and
 * NL Design System pattern). It takes focus when it appears, so screen reader users hear it first.
 */
export function ErrorSummary({ problems, occurrence, title }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (occurrence > 0) {
      ref.current?.focus();
    }
  }, [occurrence]);

  // Two messages can concern one field and say the same (e.g. a BSN both too short and failing the check).
  const unique = problems.filter(
    (problem, index) =>
      problems.findIndex(
        (other) => other.fieldId === problem.fieldId && other.message === problem.message,
      ) === index,
  );
  if (unique.length === 0) {
    return null;
  }
  return (
    <div ref={ref} tabIndex={-1} className="schakel-error-summary">
      <Alert type="error">
        <Heading2 className="schakel-error-summary__title">
          {title ?? t("forms.errorSummary.title", { count: unique.length })}
        </Heading2>
        <Paragraph>{t("forms.errorSummary.intro")}</Paragraph>
        <UnorderedList>
          {unique.map((problem) => (
            <UnorderedListItem key={`${problem.fieldId}|${problem.message}`}>
              <a
                href={`#${problem.fieldId}`}
                className="utrecht-link"
                onClick={(event) => {
                  // Focus the field ourselves: a hash change would be seen by the router as a navigation.
                  event.preventDefault();
                  focusField(problem.fieldId);
                }}
              >
                {problem.summary ?? problem.message}
              </a>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Alert>
    </div>
  );
}
