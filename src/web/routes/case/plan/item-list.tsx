import { Button, ButtonGroup, Fieldset, FieldsetLegend, Paragraph } from "@utrecht/component-library-react";
import { type ReactNode, useEffect, useState } from "react";

/**
 * An editable list of the plan (conditions, risks, agreements, …): each item a fieldset with its
 * fields and a remove button, and an add button below. Adding moves focus to the new item's first
 * field; removing moves it to the item before (or the add button) and says so in a status message.
 */
export function ItemList<T extends { key: string }>({
  id,
  items,
  onChange,
  legend,
  addLabel,
  removeLabel,
  emptyText,
  newItem,
  firstFieldId,
  removedText,
  addedText,
  renderFields,
}: {
  id: string;
  items: readonly T[];
  onChange: (items: T[]) => void;
  legend: (number: number) => string;
  addLabel: string;
  removeLabel: (number: number) => string;
  emptyText: string;
  newItem: () => T;
  firstFieldId: (item: T) => string;
  removedText: (number: number) => string;
  addedText: (number: number) => string;
  renderFields: (item: T, update: (patch: Partial<T>) => void) => ReactNode;
}) {
  const [focusId, setFocusId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const addId = `${id}-add`;

  useEffect(() => {
    if (focusId !== null) {
      document.getElementById(focusId)?.focus();
      setFocusId(null);
    }
  }, [focusId]);

  function add(): void {
    const item = newItem();
    onChange([...items, item]);
    setFocusId(firstFieldId(item));
    setAnnouncement(addedText(items.length + 1));
  }

  function remove(index: number): void {
    const before = items[index - 1];
    onChange(items.filter((_, candidate) => candidate !== index));
    setFocusId(before === undefined ? addId : firstFieldId(before));
    setAnnouncement(removedText(index + 1));
  }

  return (
    <div className="schakel-item-list">
      {items.length === 0 ? <Paragraph>{emptyText}</Paragraph> : null}
      {items.map((item, index) => (
        <Fieldset key={item.key} className="schakel-fieldset schakel-item">
          <FieldsetLegend>{legend(index + 1)}</FieldsetLegend>
          {renderFields(item, (patch) =>
            onChange(
              items.map((candidate) => (candidate.key === item.key ? { ...candidate, ...patch } : candidate)),
            ),
          )}
          <ButtonGroup>
            <Button appearance="secondary-action-button" onClick={() => remove(index)}>
              {removeLabel(index + 1)}
            </Button>
          </ButtonGroup>
        </Fieldset>
      ))}
      <ButtonGroup>
        <Button id={addId} appearance="secondary-action-button" onClick={add}>
          {addLabel}
        </Button>
      </ButtonGroup>
      <p role="status" className="schakel-visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
