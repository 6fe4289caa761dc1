import { Heading2, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { type ReactNode, type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";

/** A section of a long page, with a heading the table of contents can move focus to. */
export function PageSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="schakel-section">
      <Heading2 id={`${id}-heading`} tabIndex={-1} className="schakel-section-heading">
        {title}
      </Heading2>
      {children}
    </section>
  );
}

/** Moves focus to a section's heading and brings it into view. */
export function goToSection(id: string): void {
  const heading = document.getElementById(`${id}-heading`);
  heading?.focus();
  heading?.scrollIntoView({ block: "start" });
}

/**
 * "Op deze pagina": links to the page's sections. The links move focus themselves, because a
 * hash change would be seen by the router as a navigation.
 */
export function PageContents({ sections }: { sections: readonly { id: string; title: string }[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-labelledby="page-contents-heading" className="schakel-contents">
      <p id="page-contents-heading" className="utrecht-paragraph schakel-contents__heading">
        {t("case.contents")}
      </p>
      <UnorderedList className="schakel-contents__list">
        {sections.map((section) => (
          <UnorderedListItem key={section.id}>
            <a
              href={`#${section.id}`}
              className="utrecht-link"
              onClick={(event) => {
                event.preventDefault();
                goToSection(section.id);
              }}
            >
              {section.title}
            </a>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </nav>
  );
}

/**
 * A part of a section that opens on request (less frequent actions), as a native disclosure.
 * Closed after a save (see SuccessNotice), it opens next time on a fresh form: no input or error
 * summary of the saved attempt is left in it. Closed by the user, it keeps what was typed.
 */
export function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  const [generation, setGeneration] = useState(0);
  function handleToggle(event: SyntheticEvent<HTMLDetailsElement>): void {
    const details = event.currentTarget;
    if (!details.open && details.dataset.saved === "true") {
      delete details.dataset.saved;
      setGeneration((current) => current + 1);
    }
  }
  return (
    <details className="schakel-disclosure" onToggle={handleToggle}>
      <summary className="schakel-disclosure__summary">{summary}</summary>
      <div key={generation} className="schakel-disclosure__body">
        {children}
      </div>
    </details>
  );
}
