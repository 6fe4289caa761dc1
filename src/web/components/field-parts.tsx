import { FormFieldDescription, FormFieldErrorMessage, FormLabel } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** The ids of a field's description and error message, for aria-describedby; undefined when it has neither. */
export function describedByOf(
  id: string,
  description: ReactNode,
  error: string | undefined,
): string | undefined {
  const parts = [
    description === undefined || description === null ? null : `${id}-description`,
    error === undefined ? null : `${id}-error`,
  ].filter((part) => part !== null);
  return parts.length === 0 ? undefined : parts.join(" ");
}

/**
 * The legend of the mark, at the top of every form with a required field (NL Design System form
 * pattern): "Velden met (verplicht) moet u invullen."
 */
export function RequiredFieldsNote() {
  const { t } = useTranslation();
  return <p className="utrecht-paragraph schakel-required-note">{t("forms.requiredNote")}</p>;
}

/** " (verplicht)" after the label of a field that must be filled in (WCAG 3.3.2). */
export function RequiredMarker({ isRequired }: { isRequired: boolean }) {
  const { t } = useTranslation();
  return isRequired ? <span className="schakel-required"> {t("forms.required")}</span> : null;
}

/** The label row of a text-like field. */
export function FieldLabel({
  id,
  children,
  isRequired = false,
}: {
  id: string;
  children: ReactNode;
  isRequired?: boolean;
}) {
  return (
    <div className="utrecht-form-field__label">
      <FormLabel htmlFor={id}>
        {children}
        <RequiredMarker isRequired={isRequired} />
      </FormLabel>
    </div>
  );
}

/** The description under a label, when there is one. */
export function FieldDescription({ id, children }: { id: string; children: ReactNode }) {
  if (children === undefined || children === null) {
    return null;
  }
  return (
    <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
      {children}
    </FormFieldDescription>
  );
}

/** The error message of a field, when it has one. */
export function FieldError({ id, children }: { id: string; children: string | undefined }) {
  if (children === undefined) {
    return null;
  }
  return (
    <FormFieldErrorMessage id={`${id}-error`} className="utrecht-form-field__error-message">
      {children}
    </FormFieldErrorMessage>
  );
}
