import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { loadReferenceData, type ReferenceData } from "./reference";
import { type Resource, useResource } from "./use-resource";

/** The reference lists (organisations, municipalities, violence types), loaded once per visit. */
export function useReferenceData(): { reference: Resource<ReferenceData>; reload: () => void } {
  const { resource, reload } = useResource("reference-data", loadReferenceData);
  return { reference: resource, reload };
}

/** Names for the codes and ids in API answers, in the interface language where the data has both. */
export interface ReferenceNames {
  municipality: (code: string) => string;
  organisation: (id: string) => string;
  violenceType: (code: string) => string;
}

/**
 * Looks up names in loaded reference data. Codes (municipality, violence type) unknown to the
 * list are shown as they are; an organisation is never shown by its id, which means nothing to a
 * reader: ids are matched in any letter case, and an unknown one is named "Onbekende organisatie".
 */
export function useReferenceNames(data: ReferenceData | undefined): ReferenceNames {
  const { t, i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "nl";
  return useMemo(() => {
    const municipalities = new Map(data?.municipalities.map((m) => [m.code, m.name]));
    const organisations = new Map(data?.organisations.map((o) => [o.id.toLowerCase(), o.name]));
    const violenceTypes = new Map(data?.violenceTypes.map((v) => [v.code, v.labels?.[language] ?? v.label]));
    return {
      municipality: (code) => municipalities.get(code) ?? code,
      organisation: (id) => organisations.get(id.toLowerCase()) ?? t("reference.unknownOrganisation"),
      violenceType: (code) => violenceTypes.get(code) ?? code,
    };
  }, [data, language, t]);
}
