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

/** Looks up names in loaded reference data; unknown codes are shown as they are. */
export function useReferenceNames(data: ReferenceData | undefined): ReferenceNames {
  const { i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "nl";
  return useMemo(() => {
    const municipalities = new Map(data?.municipalities.map((m) => [m.code, m.name]));
    const organisations = new Map(data?.organisations.map((o) => [o.id, o.name]));
    const violenceTypes = new Map(data?.violenceTypes.map((v) => [v.code, v.labels?.[language] ?? v.label]));
    return {
      municipality: (code) => municipalities.get(code) ?? code,
      organisation: (id) => organisations.get(id) ?? id,
      violenceType: (code) => violenceTypes.get(code) ?? code,
    };
  }, [data, language]);
}
