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
import { useTranslation } from "react-i18next";
import { type CaseSectionProps, isChild, personName, personRole } from "./case-model";
import { PersonHelpCard } from "./person-help-section";

/** The household with roles and ages, and every child with the help offered (children central). */
export function HouseholdSection(props: CaseSectionProps) {
  const { t } = useTranslation();
  const { detail } = props.data;
  const children = detail.persons.filter(isChild);
  return (
    <>
      <div className="schakel-table-scroll">
        <Table className="schakel-table">
          <TableCaption className="schakel-visually-hidden">{t("case.householdCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("report.personName")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("report.personRole")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("case.age")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("case.helpOffered")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {detail.persons.map((person) => (
              <TableRow key={person.id}>
                <TableHeaderCell scope="row">{personName(t, detail, person.id)}</TableHeaderCell>
                <TableCell data-label={t("report.personRole")}>{personRole(t, person.role)}</TableCell>
                <TableCell data-label={t("case.age")}>
                  {person.age === undefined
                    ? t(`minorCheck.status.${person.minor}`)
                    : t("report.age", { count: person.age })}
                  {person.minorToCheck ? (
                    <>
                      {" "}
                      <StatusBadge status="warning">{t("minorCheck.toCheck")}</StatusBadge>
                    </>
                  ) : null}
                </TableCell>
                <TableCell data-label={t("case.helpOffered")}>
                  {person.helpOffered ? (
                    t("forms.yes")
                  ) : isChild(person) ? (
                    <StatusBadge status="warning">{t("case.noHelpYet")}</StatusBadge>
                  ) : (
                    t("forms.no")
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Heading3>{t("case.children.heading")}</Heading3>
      {children.length === 0 ? (
        <Paragraph>{t("case.children.none")}</Paragraph>
      ) : (
        <Paragraph>{t("case.children.intro")}</Paragraph>
      )}
      {detail.flags.minorsToCheck > 0 ? (
        <Paragraph>
          <StatusBadge status="warning">{t("minorCheck.toCheck")}</StatusBadge>{" "}
          {t("minorCheck.intro", { count: detail.flags.minorsToCheck })}
        </Paragraph>
      ) : null}
      <Heading3>{t("personHelp.heading")}</Heading3>
      <Paragraph>{t("personHelp.intro")}</Paragraph>
      {[...children, ...detail.persons.filter((p) => !isChild(p))].map((person) => (
        <PersonHelpCard key={person.id} person={person} props={props} />
      ))}
    </>
  );
}
