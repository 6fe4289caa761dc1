import { Alert, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { KeptDraft } from "../forms/use-kept-draft";

/**
 * Tells the user that the form holds what they typed before and had not saved yet, and opens
 * the disclosure the form is folded in, so that the input is seen.
 */
export function KeptDraftNotice({ draft }: { draft: KeptDraft }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const details = ref.current?.closest("details");
    if (draft.restored && details !== null && details !== undefined) {
      details.open = true;
    }
  }, [draft.restored]);
  return (
    <div role="status" ref={ref}>
      {draft.restored ? (
        <Alert type="info">
          <Paragraph>{t("session.draftRestored")}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
