import type { TFunction } from "i18next";

const kinds = ["invited", "accepted", "declined", "withdrawn", "ended", "joined"] as const;

/** A history line about a network partnership: "Vrouwenopvang IJsselland uitgenodigd voor het netwerk". */
export function describeNetworkEvent(t: TFunction, kind: string, organisation: string): string {
  const which = kinds.find((k) => kind === `network-partner-${k}`);
  return which === undefined
    ? t("history.unknown", { kind })
    : t(`partners.history.${which}`, { organisation });
}
