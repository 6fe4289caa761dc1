import { Alert, Button, ButtonGroup, Heading2, Heading3, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { CaseDetail } from "../../../../shared/cases";
import type { PlanDocument } from "../../../../shared/safety-plan";
import type { ReferenceNames } from "../../../api/use-reference";
import { useFormatters } from "../../../i18n/format";
import { PlanComparison } from "./plan-comparison";
import { comparePlans } from "./plan-diff";
import type { PlanField } from "./plan-draft";

/**
 * Someone else saved the plan while the user was editing: who and when, what they changed
 * (the version the user started from against the newest), and the offer to re-apply the user's
 * own edits — which are still in the form below — to the newest version.
 */
export function PlanConflict({
  started,
  newest,
  author,
  detail,
  names,
  occurrence,
  onReapply,
}: {
  started: PlanDocument;
  newest: PlanDocument;
  /** "Lotte Bakker (Lokaal team Zwolle)". */
  author: string;
  detail: CaseDetail;
  names: ReferenceNames;
  occurrence: number;
  onReapply: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (occurrence > 0) {
      ref.current?.focus();
    }
  }, [occurrence]);
  return (
    <section ref={ref} tabIndex={-1} className="schakel-conflict" aria-labelledby="plan-conflict-heading">
      <Alert type="warning">
        <Heading2 id="plan-conflict-heading">{t("plan.conflict.heading")}</Heading2>
        <Paragraph>
          {t("plan.conflict.intro", {
            author,
            version: newest.version,
            at: format.dateTime(newest.updatedAt),
            started: started.version,
          })}
        </Paragraph>
        <Paragraph>{t("plan.conflict.kept")}</Paragraph>
      </Alert>
      <Heading3>{t("plan.conflict.changedHeading", { from: started.version, to: newest.version })}</Heading3>
      <PlanComparison
        comparisons={comparePlans(started.plan, newest.plan)}
        names={names}
        detail={detail}
        headingLevel={4}
      />
      <Paragraph>{t("plan.conflict.reapplyIntro")}</Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action-button" onClick={onReapply}>
          {t("plan.conflict.reapply")}
        </Button>
      </ButtonGroup>
    </section>
  );
}

/** After the re-apply: on which version the edits now stand, and what to check before saving. */
export function RebasedNotice({
  version,
  overlaps,
  occurrence,
}: {
  version: number;
  overlaps: PlanField[];
  occurrence: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (occurrence > 0) {
      ref.current?.focus();
    }
  }, [occurrence]);
  return (
    <div ref={ref} tabIndex={-1} className="schakel-notice">
      <Alert type="info">
        <Paragraph>{t("plan.conflict.reapplied", { version })}</Paragraph>
        {overlaps.length === 0 ? null : (
          <Paragraph>
            {t("plan.conflict.overlaps", {
              fields: overlaps.map((field) => t(`plan.fields.${field}`).toLocaleLowerCase()).join(", "),
            })}
          </Paragraph>
        )}
      </Alert>
    </div>
  );
}
