import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import type { SessionUser } from "../../shared/auth";
import { useReferenceData } from "../api/use-reference";
import { can, isCentreUser } from "../session/capabilities";

/**
 * The main menu of a logged-in user: only the parts their role can use. The intake queue is the
 * centre's; other organisations reach reports through their cases.
 */
export function MainNavigation({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { reference } = useReferenceData();
  const isCentre = reference.status === "loaded" && isCentreUser(user, reference.data.organisations);

  const items = [
    { to: "/", label: t("nav.start"), end: true, show: true },
    { to: "/meldingen", label: t("nav.reports"), end: false, show: isCentre && can(user, "readReports") },
    { to: "/zaken", label: t("nav.cases"), end: false, show: can(user, "readCases") },
    { to: "/personen", label: t("nav.personSearch"), end: false, show: can(user, "searchPersons") },
    {
      to: "/politie/melden",
      label: t("nav.policeReport"),
      end: false,
      show:
        can(user, "submitPoliceReports") &&
        reference.status === "loaded" &&
        reference.data.organisations.some((o) => o.id === user.organisationId && o.kind === "police"),
    },
  ].filter((item) => item.show);

  return (
    <nav aria-label={t("nav.label")} className="schakel-nav">
      <ul className="schakel-nav__list">
        {items.map((item) => (
          <li key={item.to} className="schakel-nav__item">
            <NavLink to={item.to} end={item.end} className="utrecht-link schakel-nav__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
