// 証明書番号 (certificate serial): `2026-000123`, the 123rd certificate a municipality issued in
// 会計年度 2026 (April 2026 to March 2027, 地方自治法第208条第1項). Numbers are allocated in the
// issuing transaction under a per-tenant advisory lock, as one more than the year's highest
// recorded number: concurrent issues wait for each other, and a transaction that rolls back
// gives its number to the next one, so the register never has a gap.
import type { Tx } from "../db/database.ts";
import { lockSerials, nextSerialNumber } from "./queries.ts";

export interface CertificateSerial {
  fiscalYear: number;
  number: number;
  /** As printed and as the register's `serial` column computes it. */
  text: string;
}

/** The 会計年度 a date (YYYY-MM-DD) falls in: the year in which that April began. */
export function fiscalYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

export function formatSerial(fiscalYear: number, number: number): string {
  return `${fiscalYear}-${String(number).padStart(6, "0")}`;
}

const SERIAL = /^(\d{4})-(\d{6,})$/;

export function parseSerial(text: string): CertificateSerial | null {
  const m = SERIAL.exec(text);
  if (!m) return null;
  const number = Number(m[2]);
  if (number < 1 || !Number.isSafeInteger(number) || formatSerial(Number(m[1]), number) !== text) return null;
  return { fiscalYear: Number(m[1]), number, text };
}

/**
 * The next serial of the transaction's tenant for the fiscal year. The lock is held until the
 * transaction ends, so the caller must record the issue in this same transaction.
 */
export async function allocateSerial(tx: Tx, fiscalYear: number): Promise<CertificateSerial> {
  await tx.query(lockSerials());
  const number = Number((await tx.query(nextSerialNumber(fiscalYear))).rows[0].number);
  return { fiscalYear, number, text: formatSerial(fiscalYear, number) };
}
