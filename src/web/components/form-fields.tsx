import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
} from "@utrecht/component-library-react";
import type { ReactNode, Ref } from "react";
import { describedByOf, FieldDescription, FieldError, FieldLabel, RequiredMarker } from "./field-parts";

export interface Option<T extends string = string> {
  value: T;
  label: string;
  description?: string;
}

interface SelectFieldProps<T extends string> {
  id: string;
  label: ReactNode;
  value: T | "";
  onChange: (value: T | "") => void;
  options: readonly Option<T>[];
  /** The text of the empty first option ("Kies …"); without it there is no empty option. */
  emptyOption?: string;
  description?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  selectRef?: Ref<HTMLSelectElement>;
}

/** A labelled native select: the most robust choice for keyboard and screen reader users. */
export function SelectField<T extends string>({
  id,
  label,
  value,
  onChange,
  options,
  emptyOption,
  description,
  error,
  required = false,
  selectRef,
}: SelectFieldProps<T>) {
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
        <Select
          id={id}
          name={id}
          value={value}
          invalid={isInvalid}
          required={required}
          onChange={(event) => {
            const next = event.target.value;
            onChange(options.some((option) => option.value === next) ? (next as T) : "");
          }}
          {...(describedBy === undefined ? {} : { "aria-describedby": describedBy })}
          {...(selectRef === undefined ? {} : { ref: selectRef })}
        >
          {emptyOption === undefined ? null : <SelectOption value="">{emptyOption}</SelectOption>}
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
}

interface TextareaFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  rows?: number;
  maxLength?: number;
}

/** A labelled multi-line text field. */
export function TextareaField({
  id,
  label,
  value,
  onChange,
  description,
  error,
  required = false,
  rows = 5,
  maxLength,
}: TextareaFieldProps) {
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
        <Textarea
          id={id}
          name={id}
          value={value}
          rows={rows}
          invalid={isInvalid}
          required={required}
          onChange={(event) => onChange(event.target.value)}
          {...(maxLength === undefined ? {} : { maxLength })}
          {...(describedBy === undefined ? {} : { "aria-describedby": describedBy })}
        />
      </div>
    </FormField>
  );
}

interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: ReactNode;
  error?: string | undefined;
}

/** One checkbox with its label to the right. */
export function CheckboxField({ id, label, checked, onChange, description, error }: CheckboxFieldProps) {
  const describedBy = describedByOf(id, description, error);
  const isInvalid = error !== undefined;
  return (
    <FormField invalid={isInvalid} type="checkbox">
      <div className="utrecht-form-field__input">
        <Checkbox
          id={id}
          name={id}
          checked={checked}
          invalid={isInvalid}
          onChange={(event) => onChange(event.target.checked)}
          {...(describedBy === undefined ? {} : { "aria-describedby": describedBy })}
        />
      </div>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <FormLabel htmlFor={id} type="checkbox" checked={checked}>
          {label}
        </FormLabel>
      </div>
      <FieldDescription id={id}>{description}</FieldDescription>
      <FieldError id={id}>{error}</FieldError>
    </FormField>
  );
}

interface RadioGroupFieldProps<T extends string> {
  /** The id of the group; the first radio button carries it, so an error summary can link to it. */
  id: string;
  legend: ReactNode;
  value: T | "";
  onChange: (value: T) => void;
  options: readonly Option<T>[];
  description?: ReactNode;
  error?: string | undefined;
  /** Lays the options out side by side (short answers such as Ja / Nee / Onbekend). */
  isInline?: boolean;
  /** Marks the legend "(verplicht)"; the answer is checked on submit. */
  isRequired?: boolean;
}

/**
 * A group of radio buttons in a fieldset with its legend, description and error message. The
 * inputs carry no `required` attribute: browsers would mark an untouched group invalid at once;
 * a missing answer is reported on submit instead. The group is a radiogroup, so a required one
 * says so to assistive technology (aria-required) as its legend says "(verplicht)".
 */
export function RadioGroupField<T extends string>({
  id,
  legend,
  value,
  onChange,
  options,
  description,
  error,
  isInline = false,
  isRequired = false,
}: RadioGroupFieldProps<T>) {
  const describedBy = describedByOf(id, description, error);
  const isInvalid = error !== undefined;
  return (
    <Fieldset
      role="radiogroup"
      required={isRequired}
      invalid={isInvalid}
      className={isInline ? "schakel-fieldset schakel-radio-inline" : "schakel-fieldset"}
      {...(describedBy === undefined ? {} : { "aria-describedby": describedBy })}
    >
      <FieldsetLegend>
        {legend}
        <RequiredMarker isRequired={isRequired} />
      </FieldsetLegend>
      <FieldDescription id={id}>{description}</FieldDescription>
      <FieldError id={id}>{error}</FieldError>
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        const optionDescriptionId = `${optionId}-option-description`;
        return (
          <FormField key={option.value} type="radio">
            <div className="utrecht-form-field__input">
              <RadioButton
                id={optionId}
                name={id}
                value={option.value}
                checked={value === option.value}
                invalid={isInvalid}
                onChange={() => onChange(option.value)}
                {...(option.description === undefined ? {} : { "aria-describedby": optionDescriptionId })}
              />
            </div>
            <div className="utrecht-form-field__label utrecht-form-field__label--radio">
              <FormLabel htmlFor={optionId} type="radio" checked={value === option.value}>
                {option.label}
              </FormLabel>
            </div>
            {option.description === undefined ? null : (
              <div id={optionDescriptionId} className="utrecht-form-field__description">
                {option.description}
              </div>
            )}
          </FormField>
        );
      })}
    </Fieldset>
  );
}

interface CheckboxGroupFieldProps<T extends string> {
  id: string;
  legend: ReactNode;
  values: readonly T[];
  onChange: (values: T[]) => void;
  /** Options, optionally in named groups (each group gets its own sub-heading). */
  groups: readonly { label?: string; options: readonly Option<T>[] }[];
  description?: ReactNode;
  error?: string | undefined;
}

/** Several checkboxes answering one question, in a fieldset. */
export function CheckboxGroupField<T extends string>({
  id,
  legend,
  values,
  onChange,
  groups,
  description,
  error,
}: CheckboxGroupFieldProps<T>) {
  const describedBy = describedByOf(id, description, error);
  const isInvalid = error !== undefined;
  let index = 0;
  return (
    <Fieldset
      invalid={isInvalid}
      className="schakel-fieldset"
      {...(describedBy === undefined ? {} : { "aria-describedby": describedBy })}
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      <FieldDescription id={id}>{description}</FieldDescription>
      <FieldError id={id}>{error}</FieldError>
      {groups.map((group, groupIndex) => {
        const groupLabelId = `${id}-group-${groupIndex}`;
        return (
          // biome-ignore lint/a11y/useSemanticElements: a nested fieldset would repeat the outer legend to screen readers
          <div
            key={group.label ?? groupIndex}
            role="group"
            className="schakel-checkbox-group"
            {...(group.label === undefined ? {} : { "aria-labelledby": groupLabelId })}
          >
            {group.label === undefined ? null : (
              <p id={groupLabelId} className="utrecht-paragraph schakel-checkbox-group__label">
                {group.label}
              </p>
            )}
            {group.options.map((option) => {
              const optionId = index === 0 ? id : `${id}-${option.value}`;
              index += 1;
              const checked = values.includes(option.value);
              return (
                <FormField key={option.value} type="checkbox">
                  <div className="utrecht-form-field__input">
                    <Checkbox
                      id={optionId}
                      name={id}
                      value={option.value}
                      checked={checked}
                      invalid={isInvalid}
                      onChange={(event) =>
                        onChange(
                          event.target.checked
                            ? [...values, option.value]
                            : values.filter((candidate) => candidate !== option.value),
                        )
                      }
                    />
                  </div>
                  <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
                    <FormLabel htmlFor={optionId} type="checkbox" checked={checked}>
                      {option.label}
                    </FormLabel>
                  </div>
                </FormField>
              );
            })}
          </div>
        );
      })}
    </Fieldset>
  );
}
