// 確認した世帯 (the household a clerk found by its 世帯番号): its number, address and members with
// their 続柄, shown under the lookup so the clerk compares it with the 届出書 before recording.
import type { FoundHousehold } from "./resident-household-lookup.ts";
import { relationshipLabel } from "./resident-labels.ts";
import { addressText, postalCodeText } from "./resident-values.ts";

export function ResidentFoundHousehold({ household }: { household: FoundHousehold }) {
  return (
    <div className="found-household" data-testid="found-household">
      <p>
        世帯番号 <span className="code">{household.householdNumber}</span>
        {"\u3000"}
        {postalCodeText(household.postalCode)} {addressText(household.address, household.addressLine2)}
      </p>
      <ul className="member-chips">
        {household.members.map((m) => (
          <li key={m.personId}>
            {m.name}（{relationshipLabel(m.relationship)}）
          </li>
        ))}
      </ul>
    </div>
  );
}
