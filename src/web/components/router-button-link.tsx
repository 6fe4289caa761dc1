import type { ReactNode } from "react";
import { Link } from "react-router";

/** A router link that looks like a Utrecht button (for "Nieuwe melding" and the like): it navigates, so it is a link. */
export function RouterButtonLink({
  to,
  children,
  appearance = "primary-action-button",
}: {
  to: string;
  children: ReactNode;
  appearance?: "primary-action-button" | "secondary-action-button";
}) {
  const appearanceClass =
    appearance === "primary-action-button"
      ? "utrecht-button-link--primary-action"
      : "utrecht-button-link--secondary-action";
  return (
    <Link to={to} className={`utrecht-button-link utrecht-button-link--html-a ${appearanceClass}`}>
      {children}
    </Link>
  );
}
