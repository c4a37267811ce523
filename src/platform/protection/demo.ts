// デモ用の支援措置 (the demo's support measures): in each demo municipality, one woman under a DV
// measure against a man of the same town, accepted ten months ago, and one person under a
// stalking measure ending within the month — so the warning, the refusal at the counter, the
// release and the expiry notice can all be seen in the demo. The persons are picked from the
// addressee register among current residents (the platform knows residence through the
// registry link, not the resident module), deterministically from the seed.
import type { Platform } from "../contract.ts";
import { todayInJapan } from "../addressee/calendar-date.ts";
import { formatAddresseeNumber } from "../addressee/addressee-number.ts";
import { createMeasure } from "./measures.ts";
import { daysBefore } from "./period.ts";

const ACTOR = "system:demo";

export async function seedProtectionDemo(platform: Platform, tenantId: string, seed: number): Promise<void> {
  await platform.db.withTenant(
    tenantId,
    async (tx) => {
      if ((await tx.query("SELECT 1 FROM protection_measure LIMIT 1")).rowCount) return;
      const pick = async (sex: "male" | "female", offset: number): Promise<string | null> => {
        const row = await tx.query<{ number: string }>(
          `SELECT number::text FROM addressee
           WHERE kind = 'person' AND sex = $1 AND resident_since IS NOT NULL AND resident_until IS NULL AND merged_into IS NULL
             AND birth_date BETWEEN '1960-01-01' AND '2000-12-31'
           ORDER BY number OFFSET $2 LIMIT 1`,
          [sex, offset],
        );
        return row.rows[0] ? formatAddresseeNumber(row.rows[0].number) : null;
      };
      const victim = await pick("female", seed % 7);
      const adversary = await pick("male", seed % 11);
      const stalked = await pick("female", (seed % 7) + 9);
      if (!victim || !adversary || !stalked) return;
      const today = todayInJapan();
      await createMeasure(
        tx,
        ACTOR,
        {
          kind: "dv",
          applicantNumber: victim,
          adversaries: [{ addresseeNumber: adversary, relation: "元配偶者" }],
          acceptedOn: daysBefore(today, 300),
          reason: "デモ: 配偶者暴力相談支援センターの意見あり",
        },
        today,
      );
      await createMeasure(
        tx,
        ACTOR,
        {
          kind: "stalking",
          applicantNumber: stalked,
          adversaries: [{ nameKana: "デモ ソウサ", birthDate: "1980-08-08", relation: "元交際相手" }],
          acceptedOn: daysBefore(today, 350),
          reason: "デモ: 警察署の意見あり（期間満了が近い）",
        },
        today,
      );
    },
    ACTOR,
  );
}
