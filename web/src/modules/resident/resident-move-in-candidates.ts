// 転入時の同一人確認 (is the person moving in already known here?): a former resident, or a
// 住登外者 the municipality already deals with (a landowner, a taxpayer), with the same カナ and
// 生年月日 keeps their 宛名番号 when the clerk confirms them (architecture §3a). Once both are
// typed the counter asks GET /api/resident/move-in-candidates — a read of personal data, with the
// 利用目的 — and offers the candidates; nothing is asked before both are well-formed.
import { useEffect, useState } from "react";
import { toKatakanaName, isKatakanaName } from "../../../../src/lib/kana.ts";
import { useApp } from "../../app-context.ts";
import { purposeHeaders, usePurpose } from "../../kit/access-purpose.ts";
import type { MoveInCandidate } from "./resident-api.ts";
import { readDateInput } from "../../kit/wareki-date.ts";

/** The search the candidates need: full カナ (氏 and 名) and the birth date as ISO, or null. */
export function candidateQuery(familyNameKana: string, givenNameKana: string, birthDate: string): string | null {
  const kana = toKatakanaName(`${familyNameKana} ${givenNameKana}`);
  const birth = readDateInput(birthDate);
  if (!kana || !isKatakanaName(kana) || birth.kind !== "date") return null;
  return new URLSearchParams({ kana, birthDate: birth.iso }).toString();
}

export function useMoveInCandidates(query: string | null): MoveInCandidate[] {
  const { api } = useApp();
  const purpose = usePurpose();
  const [found, setFound] = useState<{ query: string; candidates: MoveInCandidate[] } | null>(null);

  useEffect(() => {
    if (query === null || purpose === null) return;
    let current = true;
    const timer = setTimeout(() => {
      api.get<MoveInCandidate[]>(`/api/resident/move-in-candidates?${query}`, purposeHeaders(purpose)).then(
        (candidates) => current && setFound({ query, candidates }),
        // Candidates are a help, not a condition: without them the person is registered as new.
        () => current && setFound({ query, candidates: [] }),
      );
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, purpose, query]);

  return found !== null && found.query === query ? found.candidates : [];
}
