// 設定項目一覧 (setting registry): every setting declared by the platform's areas and the
// business modules, checked once when the platform is composed, with a compiled validator
// per setting so a value is checked against its own TypeBox schema on every write.
import { TypeCompiler, type TypeCheck } from "@sinclair/typebox/compiler";
import type { TSchema } from "@sinclair/typebox";
import type { AreaDefinition, SettingDefinition } from "../contract.ts";
import { Problem } from "../http/problem.ts";

/** `area.name` or `area.nested.name`: the first segment names the declaring area or module. */
const KEY_PATTERN = /^[a-z][a-z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/;

export interface FieldError {
  field: string;
  message: string;
}

export interface SettingRegistry {
  /** Every definition, sorted by key. */
  readonly definitions: readonly SettingDefinition[];
  get(key: string): SettingDefinition | undefined;
  /** The definition, or a 404 `unknown-setting` problem. */
  require(key: string): SettingDefinition;
  isValid(key: string, value: unknown): boolean;
  /** Why a value does not fit the setting's schema, each error naming `field` plus the path. */
  errors(key: string, value: unknown, field: string): FieldError[];
}

export const unknownSetting = (key: string) =>
  new Problem(404, "unknown-setting", "No such setting", "その設定項目はありません", `key ${key.slice(0, 200)}`);

export const invalidSettingValue = (errors: FieldError[]) =>
  new Problem(400, "invalid-setting-value", "The value does not fit the setting's type", "設定値の形式が正しくありません",
    undefined, errors);

/**
 * Collects the settings of all areas. A malformed key, a key declared twice or a national
 * default that fails its own schema is a programming error of the declaring module: it stops
 * the platform from starting rather than surfacing later as a wrong resolved value.
 */
export function createSettingRegistry(areas: readonly AreaDefinition[]): SettingRegistry {
  const byKey = new Map<string, { definition: SettingDefinition; check: TypeCheck<TSchema> }>();
  for (const area of areas) {
    for (const definition of area.settings ?? []) {
      if (!KEY_PATTERN.test(definition.key)) {
        throw new Error(`setting ${definition.key} of area ${area.id}: a key is dotted, e.g. "${area.id}.name"`);
      }
      if (byKey.has(definition.key)) throw new Error(`setting ${definition.key} is declared twice (area ${area.id})`);
      if (!definition.source.trim()) throw new Error(`setting ${definition.key} names no source for its default`);
      const check = TypeCompiler.Compile(definition.schema);
      if (!check.Check(definition.nationalDefault)) {
        throw new Error(`setting ${definition.key}: the national default does not fit its schema`);
      }
      byKey.set(definition.key, { definition, check });
    }
  }
  const definitions = [...byKey.values()].map((e) => e.definition).sort((a, b) => (a.key < b.key ? -1 : 1));
  const entry = (key: string) => {
    const found = byKey.get(key);
    if (!found) throw unknownSetting(key);
    return found;
  };
  return {
    definitions,
    get: (key) => byKey.get(key)?.definition,
    require: (key) => entry(key).definition,
    isValid: (key, value) => entry(key).check.Check(value),
    errors(key, value, field) {
      return [...entry(key).check.Errors(value)].map((e) => ({ field: `${field}${e.path}`, message: e.message }));
    },
  };
}
