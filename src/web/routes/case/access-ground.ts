import type { TFunction } from "i18next";
import type { CaseDetail } from "../../../shared/cases";

const groundKeys = {
  triage: "triage",
  direction: "direction",
  "pending-handover": "pendingHandover",
  "accepted-handover": "acceptedHandover",
  "network-partner": "networkPartner",
  mda: "mda",
  "follow-up": "followUp",
} as const satisfies Record<CaseDetail["access"]["ground"], string>;

/** Why the user's organisation may see the case, in the interface language. */
export function describeAccessGround(
  t: TFunction,
  access: CaseDetail["access"],
  formatDate: (isoDate: string) => string,
): string {
  const since = t("case.ground.since", {
    ground: t(`case.ground.${groundKeys[access.ground]}`),
    date: formatDate(access.since.slice(0, 10)),
  });
  return access.purpose === undefined
    ? since
    : t("partners.groundPurpose", {
        since,
        purpose: t(`partners.purpose.${access.purpose}`).toLocaleLowerCase(),
      });
}
