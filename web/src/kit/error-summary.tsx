// エラーサマリー (error summary, デジタル庁デザインシステム): above a form that could not be sent, a
// box that lists every error, each a link (href="#field-id") that moves the focus to its field. On a
// failed submit the focus moves to the box itself, so a screen reader reads what is wrong first and a
// keyboard user Tabs straight to the first link. A field's name is its <label> (or its fieldset's
// <legend>) as the form shows it, so a form passes only its errors and their order.
import { useEffect, useRef } from "react";
import { errorSummaryItems, withoutMarker } from "./error-summary-items.ts";

interface ErrorSummaryProps {
  /** The errors, keyed as the form keys its fields. */
  errors: Readonly<Record<string, string | null | undefined>>;
  /** The keys in the order the fields appear (others follow). */
  order?: readonly string[];
  /** The DOM id of a key's field; the key itself by default. */
  idOf?: (key: string) => string;
  /** A line that belongs to no field (a refusal of the whole form). */
  formMessage?: string | null;
  /** The box's heading. */
  title?: string;
  /** Moves the focus to the box whenever it changes (count the failed submits); 0 never focuses. */
  focusSignal?: number;
  id?: string;
}

const FOCUSABLE = "input:not([type=hidden]), select, textarea, button, [tabindex]";

/** The field's name as the form shows it: its label, its fieldset's legend, or its aria-label. */
export function fieldLabelOf(id: string): string | null {
  const field = document.getElementById(id);
  if (!field) return null;
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? field.closest("fieldset")?.querySelector("legend");
  if (label) {
    const copy = label.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".form-required, .form-optional, button").forEach((n) => n.remove());
    return withoutMarker(copy.textContent ?? "");
  }
  return field.getAttribute("aria-label");
}

/**
 * Focuses the field of `id` — or the first control inside it, or (for a group's error line) the
 * first control of its fieldset — and brings it into view.
 */
export function focusField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const target = element.matches(FOCUSABLE)
    ? element
    : (element.querySelector<HTMLElement>(FOCUSABLE) ?? element.closest("fieldset")?.querySelector<HTMLElement>(FOCUSABLE) ?? element);
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "center" });
}

export function ErrorSummary({ errors, order = [], idOf = (k) => k, formMessage, title = "入力内容を確認してください", focusSignal = 0, id = "error-summary" }: ErrorSummaryProps) {
  const box = useRef<HTMLDivElement>(null);
  // The labels are read from the fields already on the page: the box shows only after a submit.
  const items = errorSummaryItems(errors, order, idOf, (key) => fieldLabelOf(idOf(key)));
  const shown = items.length > 0 || !!formMessage;

  useEffect(() => {
    if (focusSignal > 0) box.current?.focus();
  }, [focusSignal]);

  if (!shown) return null;
  return (
    <div className="error-summary" id={id} ref={box} tabIndex={-1} aria-labelledby={`${id}-title`} data-testid="error-summary">
      <h2 className="error-summary__title" id={`${id}-title`}>
        {title}
      </h2>
      <ul className="error-summary__list">
        {formMessage ? <li data-testid="form-message">{formMessage}</li> : null}
        {items.map((item) => (
          <li key={item.fieldId}>
            <a
              href={`#${item.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                focusField(item.fieldId);
              }}
            >
              {item.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
