import type { TFunction } from "i18next";

const grounds = {
  "involved through triage": "triage",
  "case direction": "direction",
  "pending handover": "pendingHandover",
  "involved through accepted handover": "acceptedHandover",
  "network partner in the plan": "networkPartner",
  "MDA++ team": "mda",
} as const;

/**
 * The server states the ground of access in English ("pending handover since 2026-11-23"); this
 * renders the known grounds in the interface language and shows any other text as it is.
 */
export function describeAccessGround(
  t: TFunction,
  ground: string,
  formatDate: (isoDate: string) => string,
): string {
  const match = /^(.*) since (\d{4}-\d{2}-\d{2})$/.exec(ground);
  const label = match?.[1];
  const since = match?.[2];
  if (label === undefined || since === undefined || !Object.hasOwn(grounds, label)) {
    return ground;
  }
  const key = grounds[label as keyof typeof grounds];
  return t("case.ground.since", { ground: t(`case.ground.${key}`), date: formatDate(since) });
}
