// Schemas for names and addresses at the edge. They are strings that are also normalised to
// NFC on the way in (compatibility ideographs kept: lib/text.ts), so a name typed with a
// separate voiced mark is stored, searched and printed as the same name. The keyword
// `x-kyodo-text` marks them in the OpenAPI document; the AJV plugin below does the work.
import { Type, type StringOptions } from "@sinclair/typebox";
import type { Ajv } from "ajv";
import { normaliseNameText } from "../../lib/text.ts";

export const TEXT_KEYWORD = "x-kyodo-text";

/** 氏名・名称・カナ: NFC-normalised on input. */
export const NameText = (options: StringOptions = {}) => Type.String({ ...options, [TEXT_KEYWORD]: "name" });
/** 住所・方書: NFC-normalised on input. */
export const AddressText = (options: StringOptions = {}) => Type.String({ ...options, [TEXT_KEYWORD]: "address" });

interface DataContext {
  parentData?: Record<string | number, unknown>;
  parentDataProperty?: string | number;
}

/** AJV plugin: strings whose schema carries `x-kyodo-text` are replaced by their NFC form. */
export function textNormalisation(ajv: Ajv): Ajv {
  return ajv.addKeyword({
    keyword: TEXT_KEYWORD,
    modifying: true,
    schemaType: "string",
    validate: (_mode: string, data: unknown, _schema: unknown, ctx?: DataContext) => {
      if (typeof data === "string" && ctx?.parentData && ctx.parentDataProperty !== undefined) {
        ctx.parentData[ctx.parentDataProperty] = normaliseNameText(data);
      }
      return true;
    },
  });
}
