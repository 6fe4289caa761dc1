import {
  Heading3,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { shelterKinds } from "../../../shared/cases";
import { endShelterStay, startShelterStay } from "../../api/measures";
import { CheckboxGroupField, SelectField } from "../../components/form-fields";
import { SuccessNotice, useSuccessNotice } from "../../components/success-notice";
import { dateInAmsterdam } from "../../deadlines/working-days";
import type { FieldProblem } from "../../forms/problems";
import { messageFor } from "../../forms/problems";
import { useFormatters } from "../../i18n/format";
import { useAuthenticatedUser } from "../../session/session-context";
import { type CaseSectionProps, personName } from "./case-model";
import { Disclosure } from "./case-section";
import { DateActionForm } from "./measure-forms";

type ShelterKind = (typeof shelterKinds)[number];

/** Stays in the shelter: who, what kind, since when, and ending them. */
export function ShelterStays({ data, access, onChanged, names: orgNames, organisations }: CaseSectionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const notice = useSuccessNotice();
  const [personIds, setPersonIds] = useState<string[]>([]);
  const [kind, setKind] = useState<ShelterKind | "">("");
  const user = useAuthenticatedUser();
  const shelters = organisations.filter((o) => o.kind === "shelter");
  const ownShelter = shelters.find((o) => o.id === user.organisationId)?.id ?? "";
  const [shelterId, setShelterId] = useState(ownShelter);
  const { detail } = data;
  const today = dateInAmsterdam(new Date());
  const names = (ids: string[]) => format.list(ids.map((id) => personName(t, detail, id)));

  return (
    <>
      <Heading3>{t("case.measures.staysHeading")}</Heading3>
      {detail.shelterStays.length === 0 ? (
        <Paragraph>{t("case.measures.noStays")}</Paragraph>
      ) : (
        <div className="schakel-table-scroll">
          <Table className="schakel-table">
            <TableCaption className="schakel-visually-hidden">{t("case.measures.staysCaption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("case.measures.persons")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("case.measures.kind")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("partners.shelter")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("case.measures.startsOn")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("case.measures.endedOn")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {detail.shelterStays.map((stay) => (
                <TableRow key={stay.id}>
                  <TableHeaderCell scope="row">{names(stay.personIds)}</TableHeaderCell>
                  <TableCell data-label={t("case.measures.kind")}>{t(`shelterKind.${stay.kind}`)}</TableCell>
                  <TableCell data-label={t("partners.shelter")}>
                    {stay.shelterOrganisationId
                      ? orgNames.organisation(stay.shelterOrganisationId)
                      : t("partners.shelterNotNamed")}
                  </TableCell>
                  <TableCell data-label={t("case.measures.startsOn")}>
                    {format.shortDate(stay.startsOn)}
                  </TableCell>
                  <TableCell data-label={t("case.measures.endedOn")}>
                    {stay.endedOn === null ? (
                      <StatusBadge status={stay.active ? "warning" : "neutral"}>
                        {t(stay.active ? "case.measures.inShelter" : "case.measures.notStarted")}
                      </StatusBadge>
                    ) : (
                      format.shortDate(stay.endedOn)
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <SuccessNotice message={notice.message} occurrence={notice.occurrence} />
      {access.canRecordMeasures
        ? detail.shelterStays
            .filter((stay) => stay.endedOn === null)
            .map((stay) => (
              <Disclosure
                key={stay.id}
                summary={t("case.measures.endSummary", { names: names(stay.personIds) })}
              >
                <DateActionForm
                  id={`end-${stay.id}`}
                  label={t("case.measures.endedOn")}
                  initialDate={today < stay.startsOn ? stay.startsOn : today}
                  submitLabel={t("case.measures.end")}
                  dateError={t("case.measures.errors.endDate", { date: format.shortDate(stay.startsOn) })}
                  onSubmit={(endedOn) => endShelterStay(stay.id, { endedOn })}
                  onDone={() => {
                    notice.show(t("case.measures.endedDone", { names: names(stay.personIds) }));
                    onChanged();
                  }}
                />
              </Disclosure>
            ))
        : null}
      {access.canRecordMeasures ? (
        <Disclosure summary={t("case.measures.recordStay")}>
          <DateActionForm
            id="new-stay"
            label={t("case.measures.startsOn")}
            initialDate={today}
            submitLabel={t("case.measures.recordStay")}
            dateError={t("case.measures.errors.date")}
            appearance="primary-action-button"
            extraProblems={() => {
              const problems: FieldProblem[] = [];
              if (personIds.length === 0) {
                problems.push({
                  fieldId: "new-stay-persons",
                  message: t("case.measures.errors.stayPersons"),
                });
              }
              if (kind === "") {
                problems.push({ fieldId: "new-stay-kind", message: t("case.measures.errors.stayKind") });
              }
              return problems;
            }}
            onSubmit={(startsOn) =>
              startShelterStay(detail.id, {
                personIds,
                kind: kind === "" ? "crisis" : kind,
                startsOn,
                ...(shelterId === "" ? {} : { shelterOrganisationId: shelterId }),
              })
            }
            onDone={() => {
              notice.show(t("case.measures.stayDone", { names: names(personIds) }));
              setPersonIds([]);
              setKind("");
              setShelterId(ownShelter);
              onChanged();
            }}
          >
            {(problems) => (
              <>
                <CheckboxGroupField
                  id="new-stay-persons"
                  legend={t("case.measures.stayPersons")}
                  values={personIds}
                  onChange={setPersonIds}
                  groups={[
                    {
                      options: detail.persons.map((person) => ({
                        value: person.id,
                        label: personName(t, detail, person.id),
                      })),
                    },
                  ]}
                  error={messageFor(problems, "new-stay-persons")}
                />
                <SelectField
                  id="new-stay-kind"
                  label={t("case.measures.kind")}
                  value={kind}
                  onChange={setKind}
                  emptyOption={t("forms.choose")}
                  options={shelterKinds.map((value) => ({ value, label: t(`shelterKind.${value}`) }))}
                  required
                  error={messageFor(problems, "new-stay-kind")}
                />
                <SelectField
                  id="new-stay-shelter"
                  label={t("partners.shelter")}
                  description={t("partners.shelterDescription")}
                  value={shelterId}
                  onChange={setShelterId}
                  emptyOption={t("partners.shelterNotNamed")}
                  options={shelters.map((o) => ({ value: o.id, label: o.name }))}
                />
              </>
            )}
          </DateActionForm>
        </Disclosure>
      ) : null}
    </>
  );
}
