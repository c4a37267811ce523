// A small journal for the layout's tests (used by *.test.ts only): one household in which 一
// (head) and 二 (wife) move in, 三 is born and 二 dies, as rows of resident.changes, with the
// builders to vary it and to write rows as the CSV the framework reads.
import { cellCodec } from "../../../platform/layouts/cell-codec.ts";
import { csvRecord } from "../../../platform/layouts/csv-record-writer.ts";
import type { FieldSet } from "../person-record.ts";
import { CHANGE_COLUMNS, type ChangeRow } from "./change-columns.ts";
import { toChangeRow } from "./journal-export.ts";

const CLERK = "staff:layout-test";

export const H1 = "11111111-1111-4111-8111-111111111111";
export const P = (n: number) => `aaaaaaaa-0000-4000-8000-00000000000${n}`;
export const C = (n: number) => `cccccccc-0000-4000-8000-00000000000${n}`;
export const HOME = { postalCode: "2400112", address: "神奈川県三浦郡葉山町堀内1000番地", addressLine2: "葉山ハイツ101号" };

export function registration(n: number, over: FieldSet & Pick<FieldSet, "relationship" | "birthDate">, since: string): FieldSet {
  return {
    familyName: "山田",
    givenName: `名${n}`,
    familyNameKana: "ヤマダ",
    givenNameKana: "ナ",
    sex: "female",
    householdId: H1,
    ...HOME,
    addressSinceDate: since,
    becameResidentDate: since,
    previousPostalCode: null,
    previousAddress: null,
    previousAddressLine2: null,
    registeredDomicile: "東京都千代田区千代田1番",
    domicileHead: "山田　一",
    status: "resident",
    removalReason: null,
    removalDate: null,
    plannedMoveOutDate: null,
    destinationPostalCode: null,
    destinationAddress: null,
    destinationAddressLine2: null,
    hasMyNumber: false,
    ...over,
  };
}

export interface ChangeSpec {
  id: string;
  kind: ChangeRow["kind"];
  effectiveDate: string;
  notifiedDate: string | null;
  reason?: string;
}

export function row(change: ChangeSpec, person: number, set: FieldSet): ChangeRow {
  return toChangeRow({
    change_id: change.id,
    kind: change.kind,
    effective_date: change.effectiveDate,
    notified_date: change.notifiedDate,
    recorded_at: `${change.notifiedDate ?? change.effectiveDate}T01:00:00.123456Z`,
    actor: CLERK,
    reason: change.reason ?? null,
    person_id: P(person),
    addressee_number: String(person),
    set,
    household_number: "1",
  });
}

export const MOVE_IN: ChangeSpec = { id: C(1), kind: "moved-in", effectiveDate: "2020-04-01", notifiedDate: "2020-04-03" };
export const BIRTH: ChangeSpec = { id: C(2), kind: "born", effectiveDate: "2021-05-05", notifiedDate: "2021-05-10" };
export const DEATH: ChangeSpec = { id: C(3), kind: "died", effectiveDate: "2024-01-10", notifiedDate: "2024-01-11" };

export function journal(): ChangeRow[] {
  return [
    row(MOVE_IN, 1, registration(1, { relationship: "head", sex: "male", birthDate: "1980-01-01", givenName: "一", givenNameKana: "ハジメ" }, "2020-04-01")),
    row(MOVE_IN, 2, registration(2, { relationship: "wife", birthDate: "1982-02-02" }, "2020-04-01")),
    row(BIRTH, 3, registration(3, { relationship: "child", birthDate: "2021-05-05" }, "2021-05-05")),
    row(DEATH, 2, { status: "removed", removalReason: "died", removalDate: "2024-01-10" }),
  ];
}

const CODECS = CHANGE_COLUMNS.map(cellCodec);

export function csvOf(rows: ChangeRow[]): Buffer {
  const lines = [csvRecord(CHANGE_COLUMNS.map((c) => c.name)), ...rows.map((r) => csvRecord(CODECS.map((codec) => codec.write(r[codec.column.name]))))];
  return Buffer.from(lines.join(""), "utf8");
}
