// 住所辞書 API の呼び出し (calls to the address API, src/platform/address/routes.ts) for the address
// pickers: whether the town has a 町字マスター, the 町字 candidates for what is typed, 〒 → address,
// and the normalised form of an address with the master's verdict. Answers for text the clerk
// has since changed are dropped, so the screen never shows a stale candidate or verdict.
import { useEffect, useState } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import type { Candidate, AddressScope } from "./address-input.ts";
import { candidatesPath } from "./address-input.ts";

interface CandidatesAnswer {
  hasMaster: boolean;
  items: Candidate[];
}

export interface AddressVerdict {
  ok: boolean;
  address: string | null;
  machiazaId: string | null;
  problem: string | null;
  message: string | null;
}

export interface PostalAnswer {
  postalCode: string;
  prefecture: string;
  city: string;
  area: string | null;
  address: string;
}

/** How long typing must pause before the server is asked (keystrokes in between ask nothing). */
const PAUSE_MS = 150;

/**
 * Whether this town has imported a 町字マスター: null until known. Any candidates query answers
 * it; a one-character query that no 町字 holds keeps the answer small.
 */
export function useHasTownMaster(enabled: boolean): boolean | null {
  const { api } = useApp();
  const [has, setHas] = useState<boolean | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    api.get<CandidatesAnswer>(candidatesPath("〒", null)).then(
      (answer) => current && setHas(answer.hasMaster),
      () => current && setHas(false),
    );
    return () => {
      current = false;
    };
  }, [api, enabled]);
  return has;
}

/** The 町字 candidates for `q` (null: none asked), as of `date` (null: today). */
export function useTownCandidates(q: string | null, date: string | null): readonly Candidate[] {
  const { api } = useApp();
  const [items, setItems] = useState<readonly Candidate[]>([]);
  useEffect(() => {
    if (q === null) {
      setItems([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api.get<CandidatesAnswer>(candidatesPath(q, date)).then(
        (answer) => current && setItems(answer.items),
        () => current && setItems([]),
      );
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, q, date]);
  return items;
}

/** The stored form of `address` and the master's verdict on it; null while nothing is typed or asked. */
export function useAddressVerdict(address: string, scope: AddressScope, date: string | null, enabled: boolean): AddressVerdict | null {
  const { api } = useApp();
  const [verdict, setVerdict] = useState<{ for: string; verdict: AddressVerdict } | null>(null);
  const text = address.trim();
  useEffect(() => {
    if (!enabled || text === "" || text.length > 200) return;
    let current = true;
    const key = `${scope}|${date ?? ""}|${text}`;
    const timer = setTimeout(() => {
      api.send<AddressVerdict>("POST", "/api/address/normalise", { address: text, scope, ...(date ? { date } : {}) }).then(
        (answer) => current && setVerdict({ for: key, verdict: answer }),
        (error: unknown) => {
          // A refused check (no role, the network) shows no verdict; recording still checks.
          if (current && !(error instanceof ApiProblem && error.status === 400)) setVerdict(null);
        },
      );
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, text, scope, date, enabled]);
  if (!enabled || text === "" || verdict === null || verdict.for !== `${scope}|${date ?? ""}|${text}`) return null;
  return verdict.verdict;
}

/** 〒 → the address Japan Post's data gives it, anywhere in Japan; null when unknown. */
export function usePostalAddress(digits: string | null): PostalAnswer | null {
  const { api } = useApp();
  const [answer, setAnswer] = useState<PostalAnswer | null>(null);
  useEffect(() => {
    if (digits === null) {
      setAnswer(null);
      return;
    }
    let current = true;
    api.get<PostalAnswer>(`/api/address/postal/${digits}`).then(
      (found) => current && setAnswer(found),
      () => current && setAnswer(null),
    );
    return () => {
      current = false;
    };
  }, [api, digits]);
  return answer !== null && answer.postalCode === digits ? answer : null;
}
