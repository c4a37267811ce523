// コンボボックス: a text field that offers matching choices as the user types (ARIA 1.2 combobox
// with a listbox), for lists too long for a <select> — 1,741 municipalities at log-in, a town's
// 町字. The caller filters the options for the text typed (so a list may come from memory or from
// the server); downshift supplies the keyboard and screen-reader behaviour: ↓/↑ move, Enter
// chooses, Esc closes, and the active option is announced through aria-activedescendant.
import { useCombobox } from "downshift";
import type { ReactNode } from "react";
import { FieldFrame } from "./form-field.tsx";
import "./combobox.css";

export interface ComboboxOption {
  value: string;
  label: string;
  /** A second line in the list (a reading, a code), not part of the chosen text. */
  detail?: string;
}

interface ComboboxFieldProps {
  id: string;
  label: string;
  /** The options matching `text`, best first; the caller limits their number. */
  options: readonly ComboboxOption[];
  text: string;
  onText(text: string): void;
  selected: ComboboxOption | null;
  onSelect(option: ComboboxOption | null): void;
  /** Said in the open list when nothing matches the text typed. */
  noMatch: string;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
}

export function ComboboxField(props: ComboboxFieldProps) {
  const { id, label, options, text, onText, selected, onSelect, noMatch, hint, error, required, autoFocus, placeholder } = props;
  const combobox = useCombobox<ComboboxOption>({
    id,
    inputId: id,
    labelId: `${id}-label`,
    menuId: `${id}-listbox`,
    items: [...options],
    inputValue: text,
    selectedItem: selected,
    itemToString: (option) => option?.label ?? "",
    itemToKey: (option) => option?.value,
    onInputValueChange: ({ inputValue, type }) => {
      onText(inputValue);
      // Typing after a choice undoes it: the field must not keep a value its text no longer shows.
      if (type === useCombobox.stateChangeTypes.InputChange && selected && inputValue !== selected.label) onSelect(null);
    },
    onSelectedItemChange: ({ selectedItem }) => onSelect(selectedItem ?? null),
  });
  const showList = combobox.isOpen && text.trim() !== "";
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      {(describedBy) => (
        <div className="combobox">
          <input
            {...combobox.getInputProps({
              className: "text-input combobox__input",
              autoFocus,
              placeholder,
              required,
              autoComplete: "off",
              spellCheck: false,
              "aria-invalid": error ? true : undefined,
              "aria-describedby": describedBy,
            })}
          />
          <ul {...combobox.getMenuProps({ className: showList ? "combobox__list" : "combobox__list combobox__list--closed" })}>
            {showList && options.length === 0 ? <li className="combobox__none">{noMatch}</li> : null}
            {showList
              ? options.map((option, index) => (
                  <li
                    key={option.value}
                    className={`combobox__option${combobox.highlightedIndex === index ? " combobox__option--active" : ""}`}
                    {...combobox.getItemProps({ item: option, index })}
                  >
                    <span className="combobox__label">{option.label}</span>
                    {option.detail ? <span className="combobox__detail">{option.detail}</span> : null}
                  </li>
                ))
              : null}
          </ul>
        </div>
      )}
    </FieldFrame>
  );
}
