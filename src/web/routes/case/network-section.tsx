import {
  Heading3,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { dateInAmsterdam } from "../../deadlines/working-days";
import { useFormatters } from "../../i18n/format";
import type { CaseSectionProps } from "./case-model";
import { NetworkPartners } from "./network-partners";
import { PlanNetwork } from "./plan/plan-view";

/** The involved organisations (with why and since when) and the people around the family. */
export function NetworkSection({ data, names, ...rest }: CaseSectionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { detail } = data;
  return (
    <>
      <Heading3>{t("case.organisationsHeading")}</Heading3>
      <div className="schakel-table-scroll">
        <Table className="schakel-table">
          <TableCaption className="schakel-visually-hidden">{t("case.involvements.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("case.involvements.organisation")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("case.involvements.ground")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("case.involvements.since")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {detail.involvements.map((involvement) => (
              <TableRow key={`${involvement.organisationId}-${involvement.ground}`}>
                <TableHeaderCell scope="row">
                  {names.organisation(involvement.organisationId)}
                  {detail.director?.organisationId === involvement.organisationId
                    ? ` (${t("case.involvement.director")})`
                    : ""}
                </TableHeaderCell>
                <TableCell data-label={t("case.involvements.ground")}>
                  {t(`involvementGround.${involvement.ground}`)}
                </TableCell>
                <TableCell data-label={t("case.involvements.since")}>
                  {format.shortDate(dateInAmsterdam(new Date(involvement.since)))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <NetworkPartners data={data} names={names} {...rest} />
      <Heading3>{t("case.network.heading")}</Heading3>
      <PlanNetwork plan={data.plan.document.plan} />
    </>
  );
}
