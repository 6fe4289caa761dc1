import { FormField, Textbox } from "@utrecht/component-library-react";
import type { HTMLAttributes, ReactNode, Ref } from "react";
import { describedByOf, FieldDescription, FieldError, FieldLabel } from "./field-parts";

interface TextFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "password" | "date" | "time" | "email" | "tel";
  autoComplete: string;
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
  description?: ReactNode;
  /** The error message; the field is marked invalid while it is set. */
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  required?: boolean;
  maxLength?: number;
  /** Names and free text are spell-checked and capitalised; codes and credentials are not (the default). */
  isProse?: boolean;
  /** A narrower input for short values (postcode, house number, dates). */
  width?: "short" | "medium";
  /** Overrides the `name` attribute (defaults to the id). */
  name?: string;
  max?: string;
}

/**
 * A labelled text input built from the Utrecht form field parts, with its description and
 * error message tied to the input by aria-describedby.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  type = "text",
  autoComplete,
  inputMode,
  description,
  error,
  inputRef,
  required = false,
  maxLength,
  isProse = false,
  width,
  name,
  max,
}: TextFieldProps) {
  const describedBy = describedByOf(id, description, error);
  const isInvalid = error !== undefined;

  return (
    <FormField invalid={isInvalid} type="text">
      <FieldLabel id={id} isRequired={required}>
        {label}
      </FieldLabel>
      <FieldDescription id={id}>{description}</FieldDescription>
      <FieldError id={id}>{error}</FieldError>
      <div className="utrecht-form-field__input">
        <Textbox
          id={id}
          name={name ?? id}
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete={autoComplete}
          invalid={isInvalid}
          required={required}
          spellCheck={isProse}
          autoCapitalize={isProse ? "sentences" : "off"}
          {...(width === undefined ? {} : { className: `schakel-input--${width}` })}
          {...(inputMode === undefined ? {} : { inputMode })}
          {...(maxLength === undefined ? {} : { maxLength })}
          {...(max === undefined ? {} : { max })}
          {...(describedBy === undefined ? {} : { "aria-describedby": describedBy })}
          {...(inputRef === undefined ? {} : { ref: inputRef })}
        />
      </div>
    </FormField>
  );
}
