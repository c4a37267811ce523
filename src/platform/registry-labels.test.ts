// 画面の文言は日本語: everything the platform's areas and the business modules register — settings,
// jobs, event types, standard layouts, certificates, roles, audit actions — is named and described in Japanese,
// since the screens show these texts as they are. Latin letters only for the allow-list's
// abbreviations and for codes (test/support/latin-words.ts); machine keys are never checked, as
// no screen shows them. A new area or module is walked as soon as main.ts lists it.
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";
import { allAreas } from "./start.ts";
import { modules } from "../main.ts";
import { ROLE_NAMES_JA, ROLES } from "./contract.ts";
import { RESIDENT_EVENTS } from "../modules/resident/index.ts";
import { JOURNAL_IMPORTED } from "../modules/resident/layout/index.ts";
import { ADDRESSEE_CHANGED, ADDRESSEE_MERGE_UNDONE, ADDRESSEE_MERGED, ADDRESSEE_REGISTERED } from "./addressee/events.ts";
import { AUDIT_ACTION_LABELS } from "./audit/action-labels.ts";
import { latinWords } from "../../test/support/latin-words.ts";

const areas = allAreas(loadConfig(), modules);

/** Kana or kanji: a label must say something in Japanese, not only pass the Latin check. */
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

interface Text {
  where: string;
  text: string;
}

/** The titles and descriptions of a JSON schema's parts: the settings screen labels an object's fields by them. */
function schemaTexts(schema: unknown, where: string): Text[] {
  if (typeof schema !== "object" || schema === null) return [];
  const s = schema as Record<string, unknown>;
  const own = (["title", "description"] as const).filter((k) => typeof s[k] === "string").map((k) => ({ where: `${where}.${k}`, text: s[k] as string }));
  const nested = [
    ...Object.entries((s.properties as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => schemaTexts(v, `${where}.${k}`)),
    ...(["anyOf", "oneOf", "allOf"] as const).flatMap((k) => ((s[k] as unknown[] | undefined) ?? []).map((v, i) => schemaTexts(v, `${where}.${k}[${i}]`))),
  ];
  return [...own, ...nested.flat()];
}

/** Every user-facing text the areas and modules register, named by where it comes from. */
function registeredTexts(): Text[] {
  const texts: Text[] = ROLES.map((r) => ({ where: `role ${r}`, text: ROLE_NAMES_JA[r] }));
  // The audit log's actions: one catalogue for the whole platform (action-labels.test.ts checks it is complete).
  for (const [action, label] of Object.entries(AUDIT_ACTION_LABELS)) texts.push({ where: `audit-action ${action} label`, text: label });
  for (const area of areas) {
    const at = `area ${area.id}`;
    texts.push({ where: `${at} name`, text: area.name });
    for (const s of area.settings ?? []) {
      texts.push({ where: `setting ${s.key} label`, text: s.label });
      texts.push({ where: `setting ${s.key} description`, text: s.description });
      texts.push({ where: `setting ${s.key} source`, text: s.source });
      texts.push(...schemaTexts(s.schema, `setting ${s.key} schema`));
    }
    for (const j of area.jobs ?? []) {
      texts.push({ where: `job ${j.name} label`, text: j.label });
      texts.push({ where: `job ${j.name} description`, text: j.description });
      for (const [key, label] of Object.entries(j.resultLabels ?? {})) texts.push({ where: `job ${j.name} result ${key}`, text: label });
    }
    for (const e of area.events ?? []) texts.push({ where: `event ${e.type} label`, text: e.label });
    for (const l of area.layouts ?? []) {
      texts.push({ where: `layout ${l.id} name`, text: l.name });
      for (const c of l.columns) {
        texts.push({ where: `layout ${l.id} column ${c.name} label`, text: c.label });
        if (c.description !== undefined) texts.push({ where: `layout ${l.id} column ${c.name} description`, text: c.description });
      }
    }
    for (const c of area.certificates ?? []) texts.push({ where: `certificate ${c.id} name`, text: c.name });
  }
  return texts;
}

describe("labels and descriptions of everything registered (画面の文言は日本語)", () => {
  const texts = registeredTexts();

  it("walks every kind of registered item of every area and module", () => {
    const kinds = new Set(texts.map((t) => t.where.split(" ")[0]));
    expect([...kinds].sort()).toEqual(["area", "audit-action", "certificate", "event", "job", "layout", "role", "setting"]);
    expect(areas.map((a) => a.id)).toEqual(expect.arrayContaining(modules.map((m) => m.id)));
  });

  it("has no Latin word outside the allow-list in any label or description", () => {
    const leaks = texts.flatMap((t) => latinWords(t.text).map((word) => `${t.where}: ${word}`));
    expect(leaks).toEqual([]);
  });

  it("says each label in Japanese", () => {
    const unnamed = texts.filter((t) => !t.where.includes("description") && !t.where.includes("source") && !JAPANESE.test(t.text));
    expect(unnamed.map((t) => `${t.where}: ${t.text}`)).toEqual([]);
  });

  it("names every event type that is published or subscribed to, once", () => {
    const declared = areas.flatMap((a) => a.events ?? []).map((e) => e.type);
    expect(new Set(declared).size).toBe(declared.length);
    const published = [
      ...Object.values(RESIDENT_EVENTS),
      JOURNAL_IMPORTED,
      ADDRESSEE_REGISTERED,
      ADDRESSEE_CHANGED,
      ADDRESSEE_MERGED,
      ADDRESSEE_MERGE_UNDONE,
    ];
    const subscribed = areas.flatMap((a) => Object.keys(a.subscriptions ?? {}));
    expect([...published, ...subscribed].filter((type) => !declared.includes(type))).toEqual([]);
  });
});

describe("the Latin-word check itself", () => {
  it("finds English words and leaves the allow-list, codes, addresses and quoted machine values alone", () => {
    expect(latinWords("How many times a subscriber…")).toEqual(["How", "many", "times", "a", "subscriber"]);
    expect(latinWords("都道府県名から記すか（true）")).toEqual(["true"]);
    expect(latinWords("受付開始 HH:MM")).toEqual(["HH", "MM"]);
    expect(latinWords("種類：stalking　endsOn：2026-12-22")).toEqual(["stalking", "endsOn"]);
    expect(latinWords("ｎｕｌｌ のとき")).toEqual(["null"]);
    expect(latinWords("PDF・CSV・ID・URL・QRコード、AAL2、SHA-256、NIST SP800-63B、A4、〒240-0112")).toEqual([]);
    expect(latinWords("例 https://kyodo.example.lg.jp。末尾に /verify/<検証コード> を付ける")).toEqual([]);
    expect(latinWords("`moved-out` 転出、宛名 A と宛名 B")).toEqual([]);
    expect(latinWords("a subscriber")).toEqual(["a", "subscriber"]);
  });
});
