// 住所の入力欄 (address input) for the staff forms (ADR 0022).
//  - In the town (転入先, 転居先, …) with a 町字マスター: the clerk types a 〒 or part of a 町字 (with or
//    without the municipality) and chooses the 町字 from the candidates (an ARIA 1.2 combobox with
//    a listbox, by downshift: ↓/↑ move, Enter chooses, Esc closes), then types 番地・号 and 方書.
//    A whole address typed into the 町字 field is taken too, and checked like any other.
//  - Elsewhere (前住所, 転出先, 本籍), or in a town that has imported no master: typed, with a 〒
//    filling an empty address from Japan Post's data.
// Either way the address is shown as it will be recorded (the server's normalised form), or the
// master's reason for refusing it, before the clerk records anything. The value stays one
// {postalCode, address, addressLine2}: the form and the server see no difference.
import { useCombobox } from "downshift";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { FieldFrame, TextField } from "../../kit/form-field.tsx";
import "../../kit/combobox.css";
import "./address-picker.css";
import { useAddressVerdict, useHasTownMaster, usePostalAddress, useTownCandidates } from "./address-api.ts";
import {
  candidateDetail,
  candidateQuery,
  candidatesToList,
  composeAddress,
  masterDate,
  postalDigits,
  postalText,
  type AddressScope,
  type Candidate,
} from "./address-input.ts";

export interface AddressValue {
  postalCode: string;
  address: string;
  addressLine2: string;
}

export type AddressPart = "postalCode" | "address" | "addressLine2";

export interface AddressPickerProps {
  /** The DOM id of each part; 番地・号 (in-town only) gets the address's id + "-block". */
  idOf(part: AddressPart): string;
  value: AddressValue;
  onValue(value: AddressValue): void;
  scope: AddressScope;
  /** The 異動日 as an ISO date, when known: the master in force that day (else today's). */
  date?: string | null;
  errorOf?(part: AddressPart): string | null | undefined;
  onLeave?(part: AddressPart): void;
  addressHint?: string;
  required?: boolean;
  limits: Record<AddressPart, number>;
}

/** The fields of one address; the caller puts them under its own legend. */
export function AddressPicker(props: AddressPickerProps) {
  const hasMaster = useHasTownMaster(props.scope === "in-town");
  // One component for the town's address whatever the answer, so the field being typed in is
  // never replaced under the clerk's cursor when the answer comes.
  return props.scope === "in-town" ? <TownAddressFields {...props} master={hasMaster} /> : <TypedAddressFields {...props} />;
}

/** The master's own reason for refusing the address (more precise than a rule's title); null when none. */
function refusal(verdict: ReturnType<typeof useAddressVerdict>): string | null {
  return verdict && !verdict.ok ? verdict.message : null;
}

function Preview({ id, verdict, line2 }: { id: string; verdict: ReturnType<typeof useAddressVerdict>; line2: string }) {
  return (
    <p className="form-status address-picker__preview" id={id} role="status">
      {verdict?.ok && verdict.address ? (
        <>
          記録される住所：<strong data-testid="address-normalised">{`${verdict.address}${line2.trim() ? `\u3000${line2.trim()}` : ""}`}</strong>
        </>
      ) : null}
    </p>
  );
}

/** 前住所・転出先・本籍: typed, 〒 → address offered, read against the national master. */
function TypedAddressFields(props: AddressPickerProps) {
  const { idOf, value, onValue, scope, errorOf, onLeave, addressHint = "都道府県から", required = true, limits } = props;
  const date = masterDate(props.date);
  const digits = postalDigits(value.postalCode);
  const found = usePostalAddress(digits);
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => {
    // A 〒 fills an empty address with what it stands for; the clerk goes on with 番地.
    if (found !== null && latest.current.address.trim() === "") onValue({ ...latest.current, address: found.address });
    // (only a newly found 〒 fills the address)
  }, [found]);
  const verdict = useAddressVerdict(value.address, scope, date, true);
  const field = (part: AddressPart) => ({
    id: idOf(part),
    value: value[part],
    onValue: (text: string) => onValue({ ...value, [part]: text }),
    onBlur: () => onLeave?.(part),
    autoComplete: "off",
    maxLength: limits[part],
  });
  const addressError = refusal(verdict) ?? errorOf?.("address");
  return (
    <div className="address-grid address-picker">
      <TextField {...field("postalCode")} label="郵便番号" hint="7桁。例：240-0112" inputMode="numeric" className="text-input--code" error={errorOf?.("postalCode")} />
      <TextField {...field("address")} label="住所" hint={addressHint} required={required} error={addressError} />
      <TextField {...field("addressLine2")} label="方書" hint="建物名・部屋番号など" error={errorOf?.("addressLine2")} />
      <Preview id={`${idOf("address")}-normalised`} verdict={verdict} line2={value.addressLine2} />
    </div>
  );
}

/**
 * The town's address. With a 町字マスター (master true): 〒 or 町字 → candidates → 番地・号 and 方書,
 * checked; without one (false): the address typed as it is; null: not known yet.
 */
function TownAddressFields(props: AddressPickerProps & { master: boolean | null }) {
  const { idOf, value, onValue, errorOf, onLeave, required = true, limits, master, addressHint = "都道府県から" } = props;
  const picking = master !== false;
  const date = masterDate(props.date);
  const [town, setTown] = useState(value.address);
  const [block, setBlock] = useState("");
  const [chosen, setChosen] = useState<Candidate | null>(null);

  // The value changed from outside (a household's address taken, a form reset): show it whole.
  useEffect(() => {
    if (composeAddress(town, block) !== value.address.trim()) {
      setTown(value.address);
      setBlock("");
      setChosen(null);
    }
    // (only an outside change of the value resets the parts)
  }, [value.address]);

  const items = useTownCandidates(picking ? candidateQuery(town, value.postalCode) : null, date);
  const listed = candidatesToList(town, items);

  const change = (nextTown: string, nextBlock: string, patch: Partial<AddressValue> = {}) => {
    setTown(nextTown);
    setBlock(nextBlock);
    onValue({ ...value, ...patch, address: composeAddress(nextTown, nextBlock) });
  };

  const choose = (c: Candidate) => {
    setChosen(c);
    const keepPostal = postalDigits(value.postalCode) !== null;
    change(c.address, block, keepPostal || c.postalCode === null ? {} : { postalCode: postalText(c.postalCode) });
    // The next thing to type is the 番地・号.
    setTimeout(() => document.getElementById(`${idOf("address")}-block`)?.focus(), 0);
  };

  // A 〒 with one 町字, typed while the 町字 field is empty, chooses it.
  const digits = postalDigits(value.postalCode);
  useEffect(() => {
    const only = items.length === 1 ? items[0]! : null;
    if (only !== null && digits !== null && only.postalCode === digits && town.trim() === "") {
      setChosen(only);
      change(only.address, block);
    }
    // (only new candidates choose)
  }, [items]);

  const combobox = useCombobox<Candidate>({
    id: `${idOf("address")}-combobox`,
    inputId: idOf("address"),
    labelId: `${idOf("address")}-label`,
    menuId: `${idOf("address")}-listbox`,
    items: [...listed],
    inputValue: town,
    selectedItem: null,
    itemToString: (c) => c?.address ?? "",
    itemToKey: (c) => c?.machiazaId,
    onInputValueChange: ({ inputValue, type }) => {
      if (type !== useCombobox.stateChangeTypes.InputChange) return;
      if (chosen && !inputValue.startsWith(chosen.address)) setChosen(null);
      change(inputValue, block);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) choose(selectedItem);
    },
  });

  const address = composeAddress(town, block);
  const verdict = useAddressVerdict(address, "in-town", date, master === true);
  const addressError = refusal(verdict) ?? errorOf?.("address");
  const asked = candidateQuery(town, value.postalCode) !== null;
  const showList = picking && combobox.isOpen && (listed.length > 0 || (asked && town.trim() !== "" && items.length === 0));

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter with no candidate highlighted is the form's own Enter, not a choice.
    if (e.key === "Enter" && combobox.highlightedIndex < 0) (e.nativeEvent as { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
  };

  const blockHint: ReactNode =
    chosen?.addressing === "residence-indication" ? "例：5-12（5番12号）" : chosen ? "例：2135-3、二千百三十五番地の三（2135番地3）" : "例：2135-3（町字欄に続けて入力しても構いません）";

  return (
    <div className={`address-grid address-picker${picking ? " address-picker--town" : ""}`}>
      <TextField
        id={idOf("postalCode")}
        label="郵便番号"
        hint={picking ? "7桁。町字の候補を出します" : "7桁。例：240-0112"}
        value={value.postalCode}
        onValue={(text) => onValue({ ...value, postalCode: text })}
        onBlur={() => onLeave?.("postalCode")}
        inputMode="numeric"
        className="text-input--code"
        autoComplete="off"
        maxLength={limits.postalCode}
        error={errorOf?.("postalCode")}
      />
      <FieldFrame
        id={idOf("address")}
        label={picking ? "住所（町字まで）" : "住所"}
        required={required}
        hint={picking ? "郵便番号または町字の一部（例：堀内）を入力し、候補から選びます" : addressHint}
        error={addressError}
      >
        {(describedBy) => (
          <div className="combobox">
            <input
              {...combobox.getInputProps({
                className: "text-input combobox__input",
                required,
                autoComplete: "off",
                spellCheck: false,
                maxLength: limits.address,
                "aria-invalid": addressError ? true : undefined,
                "aria-describedby": [describedBy, picking ? `${idOf("address")}-normalised` : null].filter(Boolean).join(" ") || undefined,
                onKeyDown,
                onFocus: () => {
                  if (!combobox.isOpen && town.trim() === "" && listed.length > 0) combobox.openMenu();
                },
                onBlur: () => onLeave?.("address"),
              })}
            />
            <ul {...combobox.getMenuProps({ className: showList ? "combobox__list" : "combobox__list combobox__list--closed" })}>
              {showList && listed.length === 0 ? <li className="combobox__none">この町の町字マスターに該当する町字がありません</li> : null}
              {showList
                ? listed.map((c, index) => (
                    <li
                      key={c.machiazaId}
                      className={`combobox__option${combobox.highlightedIndex === index ? " combobox__option--active" : ""}`}
                      {...combobox.getItemProps({ item: c, index })}
                    >
                      <span className="combobox__label">{c.address}</span>
                      <span className="combobox__detail">{candidateDetail(c)}</span>
                    </li>
                  ))
                : null}
            </ul>
          </div>
        )}
      </FieldFrame>
      {picking ? (
        <TextField
          id={`${idOf("address")}-block`}
          label="番地・号"
          hint={blockHint}
          value={block}
          onValue={(text) => change(town, text)}
          onBlur={() => onLeave?.("address")}
          autoComplete="off"
          maxLength={limits.address}
        />
      ) : null}
      <TextField
        id={idOf("addressLine2")}
        label="方書"
        hint="建物名・部屋番号など"
        value={value.addressLine2}
        onValue={(text) => onValue({ ...value, addressLine2: text })}
        onBlur={() => onLeave?.("addressLine2")}
        autoComplete="off"
        maxLength={limits.addressLine2}
        error={errorOf?.("addressLine2")}
      />
      {picking ? <Preview id={`${idOf("address")}-normalised`} verdict={verdict} line2={value.addressLine2} /> : null}
    </div>
  );
}
