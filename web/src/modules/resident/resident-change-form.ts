// 異動届の入力の流れ (how a 異動 form behaves, whatever its kind): an item's own error shows once
// the clerk has left it (or tried to record) and then follows the typing; as soon as every item
// is well-formed, the draft is put to the server's rules without recording anything
// (POST /api/resident/changes/check) a moment after the last keystroke, and a refusal — 「死亡日が
// 生年月日より前です」 — is said at the item it names. 登録 (or Enter in any field) first asks for one
// confirmation of what is about to be recorded; only 記録する in it records the change. A refusal
// then is placed the same way and nothing is written. When 登録 finds errors, the error summary
// above the form lists them and takes the focus.
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { currentPurpose, purposeHeaders } from "../../kit/access-purpose.ts";
import { CHANGE_CHECK_PATH, CHANGES_PATH, type ChangeCheck, type ChangeRequest, type RecordedChange } from "./resident-api.ts";
import { ERROR_SUMMARY_ID, firstErrorKey, inputId, placeProblem, type DraftCheck, type FormErrors } from "./resident-form-errors.ts";

/** The pause after the last keystroke before the rules are asked. */
export const CHECK_DELAY_MS = 350;

interface RuleVerdict {
  /** The body the verdict is about: it holds only while the draft still makes that body. */
  body: string;
  fields: FormErrors;
  form: string | null;
}

export interface ChangeFormOptions {
  check: DraftCheck<ChangeRequest>;
  /** Every key of the form in display order (resident-form-errors.ts). */
  keys: readonly string[];
  /** Server keys said at another key of this form (出生: the 異動日 is the 生年月日). */
  aliases?: Readonly<Record<string, string>>;
  onRecorded(change: RecordedChange): void;
}

export interface ChangeForm {
  /** The message to show at a key, or undefined. */
  errorOf(key: string): string | undefined;
  /** onBlur of an item: its errors show from now on. */
  leave(key: string): void;
  submit(event: FormEvent): void;
  sending: boolean;
  /** Asking the rules about the current draft. */
  checking: boolean;
  /** The rules accept the current draft as it stands. */
  accepted: boolean;
  /** The rules refuse the current draft (the reasons are at the items). */
  refused: boolean;
  /** A refusal or failure that names no item of the form. */
  formMessage: string | null;
  /** 登録 was tried while something is wrong. */
  showSummary: boolean;
  /** The errors shown at the items, in the form's order (for the error summary). */
  shownErrors: FormErrors;
  /** Counts the failed attempts to record: the error summary takes the focus at each. */
  failedSubmits: number;
  /** The request awaiting the clerk's confirmation, or null. */
  pending: ChangeRequest | null;
  /** Records the pending request. */
  confirm(): void;
  /** Back to the form without recording. */
  cancelConfirm(): void;
}

function problemOf(error: unknown): ApiProblem {
  return error instanceof ApiProblem ? error : new ApiProblem(0, "unknown", "エラーが発生しました");
}

export function useChangeForm({ check, keys, aliases = {}, onRecorded }: ChangeFormOptions): ChangeForm {
  const { api } = useApp();
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [verdict, setVerdict] = useState<RuleVerdict | null>(null);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [pending, setPending] = useState<ChangeRequest | null>(null);
  const keysRef = useRef({ keys, aliases });
  keysRef.current = { keys, aliases };

  const body = check.ok ? JSON.stringify(check.body) : null;

  useEffect(() => {
    if (body === null) return;
    let current = true;
    const timer = setTimeout(() => {
      api.send<ChangeCheck>("POST", CHANGE_CHECK_PATH, JSON.parse(body)).then(
        () => current && setVerdict({ body, fields: {}, form: null }),
        (error: unknown) => {
          if (!current) return;
          const problem = problemOf(error);
          // Only a refusal of the draft is a verdict; a lost connection or session says nothing about it.
          if (problem.status < 400 || problem.status === 401 || problem.status >= 500) return;
          setVerdict({ body, ...placeProblem(problem, keysRef.current.keys, keysRef.current.aliases) });
        },
      );
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, body]);

  const rules = verdict !== null && verdict.body === body ? verdict : null;
  const own = check.ok ? {} : check.errors;

  function errorOf(key: string): string | undefined {
    const mine = own[key];
    if (mine && (submitted || left.has(key))) return mine;
    return rules?.fields[key];
  }

  const leave = useCallback((key: string) => {
    setLeft((s) => (s.has(key) ? s : new Set(s).add(key)));
  }, []);

  /** Something is wrong: the error summary takes the focus (or the first item, when none shows). */
  function failed(errors: FormErrors) {
    setFailedSubmits((n) => n + 1);
    if (Object.keys(errors).length === 0) return;
    requestAnimationFrame(() => {
      if (document.getElementById(ERROR_SUMMARY_ID)) return;
      const key = firstErrorKey(errors, keysRef.current.keys);
      if (key !== null) document.getElementById(inputId(key))?.focus();
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (sending || pending) return;
    setSubmitted(true);
    setFailure(null);
    if (!check.ok) {
      failed(check.errors);
      return;
    }
    if (rules && (Object.keys(rules.fields).length || rules.form)) {
      failed(rules.fields);
      return;
    }
    setPending(check.body);
  }

  function confirm() {
    if (sending || pending === null) return;
    const request = pending;
    const sent = JSON.stringify(request);
    setSending(true);
    const purpose = currentPurpose();
    api.send<RecordedChange>("POST", CHANGES_PATH, request, purpose ? purposeHeaders(purpose) : {}).then(
      (change) => {
        setSending(false);
        setPending(null);
        onRecorded(change);
      },
      (error: unknown) => {
        setSending(false);
        setPending(null);
        const problem = problemOf(error);
        const placed = placeProblem(problem, keysRef.current.keys, keysRef.current.aliases);
        if (problem.status >= 400 && problem.status < 500 && problem.status !== 401 && problem.status !== 403) {
          setVerdict({ body: sent, ...placed });
          failed(placed.fields);
        } else {
          setFailure(problem.titleJa);
        }
      },
    );
  }

  const cancelConfirm = useCallback(() => setPending(null), []);

  const ownShown = Object.keys(own).some((k) => submitted || left.has(k));
  const shownErrors: FormErrors = {};
  for (const key of [...keys, ...Object.keys(own), ...Object.keys(rules?.fields ?? {})]) {
    const message = errorOf(key);
    if (message && !(key in shownErrors)) shownErrors[key] = message;
  }
  const ruleRefused = rules !== null && (Object.keys(rules.fields).length > 0 || rules.form !== null);
  return {
    errorOf,
    leave,
    submit,
    sending,
    checking: body !== null && rules === null,
    accepted: rules !== null && !ruleRefused,
    refused: ruleRefused,
    formMessage: failure ?? rules?.form ?? null,
    showSummary: submitted && (ownShown || ruleRefused),
    shownErrors,
    failedSubmits,
    pending,
    confirm,
    cancelConfirm,
  };
}
