// 標準レイアウト resident.resident-code-designations: the 住民票コード designated to the municipality
// (住民基本台帳法 第30条の7; resident-code.ts), one code per row with the day of the designation,
// in the order they were designated — the order in which they are handed out. An import adds the
// codes not yet held and leaves held ones as they are, so the same file imported twice changes
// nothing; no code is ever removed. The file names no person (personColumn null): which code a
// person holds is not in it. Export → import gives the same designation.
import { Type } from "@sinclair/typebox";
import type { LayoutColumn, LayoutDefinition } from "../../platform/contract.ts";
import { designationsAfter, insertDesignation, RESIDENT_CODE_PATTERN } from "./resident-code.ts";

export const RESIDENT_CODE_LAYOUT_ID = "resident.resident-code-designations";
const EXPORT_BATCH = 1000;

const COLUMNS: LayoutColumn[] = [
  {
    name: "resident_code",
    label: "住民票コード",
    schema: Type.String({ pattern: RESIDENT_CODE_PATTERN }),
    required: true,
    description: "11桁（無作為の10桁と検査数字、住民基本台帳法施行規則第1条）。指定されたとおり",
  },
  { name: "designated_on", label: "指定年月日", schema: Type.String({ format: "date" }), required: true },
];

type Row = { resident_code: string; designated_on: string };

export const residentCodeLayout: LayoutDefinition<Row> = {
  id: RESIDENT_CODE_LAYOUT_ID,
  name: "住民票コードの指定（市町村長ごとに指定された住民票コード）",
  version: "1",
  columns: COLUMNS,
  personColumn: null,
  async *exportRows(tx) {
    let after = "0";
    for (;;) {
      const rows = (await tx.query(designationsAfter(after, EXPORT_BATCH))).rows as { seq: string; code: string; designated_on: string }[];
      for (const r of rows) yield { resident_code: r.code, designated_on: r.designated_on };
      if (rows.length < EXPORT_BATCH) return;
      after = rows.at(-1)!.seq;
    }
  },
  async validateRows(_tx, rows) {
    const seen = new Set<string>();
    const errors: { row: number; column: string; message: string }[] = [];
    for (const [i, r] of rows.entries()) {
      if (seen.has(r.resident_code)) errors.push({ row: i, column: "resident_code", message: "designated twice in the file" });
      else seen.add(r.resident_code);
    }
    return errors;
  },
  async importRows(tx, rows) {
    let imported = 0;
    for (const r of rows) imported += (await tx.query(insertDesignation(r.resident_code, r.designated_on, false))).rowCount ?? 0;
    return { imported };
  },
};
