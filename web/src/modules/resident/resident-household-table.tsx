// 世帯の構成 (the household of the record shown): its 世帯主 and members with their 続柄, 生年月日
// and 性別, each a link to their own record; the person shown is marked, not linked.
import type { HouseholdView } from "./resident-api.ts";
import { SEX_JA } from "./resident-labels.ts";
import { residentPath } from "./resident-paths.ts";
import { fullName, fullNameKana } from "./resident-values.ts";
import { Link } from "../../router.tsx";
import { warekiDateJa } from "../../kit/wareki-date.ts";
import { ProtectionTag } from "../../platform/protection/protection-banner.tsx";
import { protectionOf } from "../../platform/protection/protection-mark.ts";

export function ResidentHouseholdTable({ household, current }: { household: HouseholdView; current: string }) {
  return (
    <div className="table-wrap">
      <table className="data-table data-table--compact" data-testid="household-members">
        <caption>{household.members.length}人</caption>
        <thead>
          <tr>
            <th scope="col">続柄</th>
            <th scope="col">氏名／カナ</th>
            <th scope="col">生年月日</th>
            <th scope="col">性別</th>
          </tr>
        </thead>
        <tbody>
          {household.members.map((m) => (
            <tr
              key={m.personId}
              data-person={m.personId}
              className={[m.personId === current ? "is-current" : "", protectionOf(m) ? "is-protected" : ""].filter(Boolean).join(" ") || undefined}
            >
              <td className="nowrap">{m.relationshipJa}</td>
              <td>
                {m.personId === current ? (
                  <strong aria-current="true">{fullName(m)}（表示中）</strong>
                ) : (
                  <Link href={residentPath(m.personId)}>{fullName(m)}</Link>
                )}
                <ProtectionTag mark={protectionOf(m)} />
                <span className="sub">{fullNameKana(m)}</span>
              </td>
              <td className="nowrap">{warekiDateJa(m.birthDate)}</td>
              <td className="nowrap">{SEX_JA[m.sex]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
