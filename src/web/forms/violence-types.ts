import type { TFunction } from "i18next";
import type { ViolenceTypeWithLabels } from "../api/reference";
import type { Option } from "../components/form-fields";

const knownGroups = [
  "child-abuse",
  "violence-against-parents",
  "partner-violence",
  "elder-abuse",
  "other-domestic-violence",
  "other-problems",
  "no-domestic-violence",
  "unknown",
  "additional",
] as const;
type KnownGroup = (typeof knownGroups)[number];

const isKnownGroup = (group: string): group is KnownGroup =>
  (knownGroups as readonly string[]).includes(group);

/** The configured violence types in their groups (national statistics groups), labelled in the interface language. */
export function violenceTypeGroups(
  t: TFunction,
  types: readonly ViolenceTypeWithLabels[],
  language: "nl" | "en",
): { label: string; options: Option[] }[] {
  const groups = new Map<string, Option[]>();
  for (const type of types) {
    const options = groups.get(type.group) ?? [];
    options.push({ value: type.code, label: type.labels?.[language] ?? type.label });
    groups.set(type.group, options);
  }
  return [...groups].map(([group, options]) => ({
    label: isKnownGroup(group) ? t(`violenceGroup.${group}`) : group,
    options,
  }));
}
