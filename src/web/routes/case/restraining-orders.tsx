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
import { extendRestrainingOrder, recordRestrainingOrder } from "../../api/measures";
import { liftRestrainingOrder } from "../../api/person-help";
import { SelectField } from "../../components/form-fields";
import { SuccessNotice, useSuccessNotice } from "../../components/success-notice";
import { dateInAmsterdam } from "../../deadlines/working-days";
import { messageFor } from "../../forms/problems";
import { useFormatters } from "../../i18n/format";
import { type CaseSectionProps, isChild, personName } from "./case-model";
import { Disclosure } from "./case-section";
import { DateActionForm } from "./measure-forms";
import { ReasonForm } from "./reason-form";

/** Temporary restraining orders: 10 days, extendable to 28 days after imposition (DOMAIN.md 5). */
export function RestrainingOrders({ data, access, onChanged }: CaseSectionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const notice = useSuccessNotice();
  const [personId, setPersonId] = useState("");
  const { detail } = data;
  const adults = detail.persons.filter((person) => !isChild(person));
  const today = dateInAmsterdam(new Date());

  return (
    <>
      <Heading3>{t("case.measures.ordersHeading")}</Heading3>
      <Paragraph>{t("case.measures.ordersRule")}</Paragraph>
      {detail.restrainingOrders.length === 0 ? (
        <Paragraph>{t("case.measures.noOrders")}</Paragraph>
      ) : (
        <div className="schakel-table-scroll">
          <Table className="schakel-table">
            <TableCaption className="schakel-visually-hidden">
              {t("case.measures.ordersCaption")}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("case.measures.person")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("case.measures.startsOn")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("case.measures.endsOn")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("case.measures.status")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {detail.restrainingOrders.map((order) => (
                <TableRow key={order.id}>
                  <TableHeaderCell scope="row">{personName(t, detail, order.personId)}</TableHeaderCell>
                  <TableCell data-label={t("case.measures.startsOn")}>
                    {format.shortDate(order.startsOn)}
                  </TableCell>
                  <TableCell data-label={t("case.measures.endsOn")}>
                    {format.shortDate(order.endsOn)}
                    {order.extended ? ` ${t("case.measures.extended")}` : ""}
                    {order.active && order.endsOn < order.latestEndOn ? (
                      <>
                        <br />
                        {t("case.measures.latestEnd", { date: format.shortDate(order.latestEndOn) })}
                      </>
                    ) : null}
                  </TableCell>
                  <TableCell data-label={t("case.measures.status")}>
                    <StatusBadge status={order.active ? "warning" : "neutral"}>
                      {order.lifted
                        ? t("caseRules.liftedBadge")
                        : t(order.active ? "case.measures.active" : "case.measures.ended")}
                    </StatusBadge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <SuccessNotice message={notice.message} occurrence={notice.occurrence} />
      {access.canRecordMeasures
        ? detail.restrainingOrders
            .filter((order) => order.active && order.endsOn < order.latestEndOn)
            .map((order) => {
              const name = personName(t, detail, order.personId);
              return (
                <Disclosure key={order.id} summary={t("case.measures.extendSummary", { name })}>
                  <DateActionForm
                    id={`extend-${order.id}`}
                    label={t("case.measures.extendTo")}
                    description={t("case.measures.extendDescription", {
                      date: format.shortDate(order.latestEndOn),
                    })}
                    initialDate={order.latestEndOn}
                    submitLabel={t("case.measures.extend", { name })}
                    dateError={t("case.measures.errors.extendDate", {
                      date: format.shortDate(order.latestEndOn),
                    })}
                    onSubmit={(endsOn) => extendRestrainingOrder(order.id, { endsOn })}
                    onDone={() => {
                      notice.show(t("case.measures.extendedDone", { name }));
                      onChanged();
                    }}
                  />
                </Disclosure>
              );
            })
        : null}
      {access.canRecordMeasures
        ? detail.restrainingOrders
            .filter((order) => order.active)
            .map((order) => (
              <Disclosure
                key={`lift-${order.id}`}
                summary={`${t("caseRules.lift")}: ${personName(t, detail, order.personId)}`}
              >
                <ReasonForm
                  id={`lift-${order.id}`}
                  label={t("caseRules.liftReason")}
                  submitLabel={t("caseRules.liftSubmit")}
                  emptyMessage={t("caseRules.liftEmpty")}
                  appearance="secondary-action-button"
                  onSubmit={(reason) => liftRestrainingOrder(order.id, reason)}
                  onDone={() => {
                    notice.show(t("caseRules.lifted"));
                    onChanged();
                  }}
                />
              </Disclosure>
            ))
        : null}
      {access.canRecordMeasures ? (
        <Disclosure summary={t("case.measures.recordOrder")}>
          <DateActionForm
            id="new-order"
            label={t("case.measures.startsOn")}
            initialDate={today}
            submitLabel={t("case.measures.recordOrder")}
            dateError={t("case.measures.errors.orderDate")}
            appearance="primary-action-button"
            extraProblems={() =>
              personId === ""
                ? [{ fieldId: "new-order-person", message: t("case.measures.errors.orderPerson") }]
                : []
            }
            onSubmit={(startsOn) => recordRestrainingOrder(detail.id, { startsOn, personId })}
            onDone={() => {
              notice.show(t("case.measures.orderDone", { name: personName(t, detail, personId) }));
              setPersonId("");
              onChanged();
            }}
          >
            {(problems) => (
              <SelectField
                id="new-order-person"
                label={t("case.measures.orderPerson")}
                description={t("case.measures.orderPersonDescription")}
                value={personId}
                onChange={setPersonId}
                emptyOption={t("forms.choose")}
                options={adults.map((person) => ({
                  value: person.id,
                  label: personName(t, detail, person.id),
                }))}
                required
                error={messageFor(problems, "new-order-person")}
              />
            )}
          </DateActionForm>
        </Disclosure>
      ) : null}
    </>
  );
}
