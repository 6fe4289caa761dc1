import {
  Heading3,
  Heading4,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { SuccessNotice, useSuccessNotice } from "../../components/success-notice";
import { useFormatters } from "../../i18n/format";
import { type CasePerson, type CaseSectionProps, isChild, personName, personRole } from "./case-model";
import { HelpOfferedForm } from "./help-offered-form";

function HelpList({ person }: { person: CasePerson }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (person.help.length === 0) {
    return null;
  }
  return (
    <UnorderedList className="schakel-plain-list">
      {person.help.map((help) => (
        <UnorderedListItem key={`${help.on}-${help.description}`}>
          {t("case.help.item", { date: format.shortDate(help.on), description: help.description })}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

/** One child: whether help was offered, what, and the form to record it. */
function ChildCard({ person, props }: { person: CasePerson; props: CaseSectionProps }) {
  const { t } = useTranslation();
  const notice = useSuccessNotice();
  const { detail } = props.data;
  const name = personName(t, detail, person.id);
  return (
    <div className="schakel-card" id={`child-${person.id}`}>
      <Heading4>
        {name}, {t("report.age", { count: person.age ?? 0 })}
      </Heading4>
      <Paragraph>
        {personRole(t, person.role)}.{" "}
        <StatusBadge status={person.helpOffered ? "safe" : "warning"}>
          {t(person.helpOffered ? "case.help.offered" : "case.noHelpYet")}
        </StatusBadge>
      </Paragraph>
      <HelpList person={person} />
      <SuccessNotice message={notice.message} occurrence={notice.occurrence} />
      {props.access.canWork ? (
        <HelpOfferedForm
          caseId={detail.id}
          personId={person.id}
          personName={name}
          onDone={() => {
            notice.show(t("case.help.done", { name }));
            props.onChanged();
          }}
        />
      ) : null}
    </div>
  );
}

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
                <TableCell>{personRole(t, person.role)}</TableCell>
                <TableCell>
                  {person.age === undefined ? t("report.unknown") : t("report.age", { count: person.age })}
                </TableCell>
                <TableCell>
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
        <>
          <Paragraph>{t("case.children.intro")}</Paragraph>
          {children.map((person) => (
            <ChildCard key={person.id} person={person} props={props} />
          ))}
        </>
      )}
    </>
  );
}
