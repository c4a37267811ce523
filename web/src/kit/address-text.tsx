// 住所の表示 (an address in a table cell or a summary): its parts (address-parts.ts) each kept on
// one line where the column allows, so the address wraps between 町字 and 番地, not inside them.
import { addressParts } from "./address-parts.ts";

export function AddressText({ text }: { text: string }) {
  return (
    <span className="address-text">
      {addressParts(text).map((part, i) => (
        <span key={i} className="address-text__part">
          {part}
        </span>
      ))}
    </span>
  );
}
