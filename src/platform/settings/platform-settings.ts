// 共通設定 (platform settings): the settings every municipality needs whatever modules it runs.
// Each `source` says honestly where the default comes from: a statute when one sets it, or
// that no national standard exists and the default is only the most common value.
import { Type } from "@sinclair/typebox";
import type { SettingDefinition } from "../contract.ts";

const CLOCK_TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

export const MAYOR_TITLES = ["市町村長", "市長", "町長", "村長", "区長"] as const;

export const platformSettings: SettingDefinition[] = [
  {
    key: "platform.municipalityDisplayName",
    label: "団体の表示名",
    description:
      "画面と帳票に表示する団体名。未設定のときは団体登録上の名称（全国地方公共団体コードの名称）を表示する。" +
      "合併後の旧名併記など、登録名と異なる表示が必要なときだけ設定する。",
    schema: Type.Union([Type.Null(), Type.String({ minLength: 1, maxLength: 64 })]),
    nationalDefault: null,
    source: "全国標準なし。既定（未設定）は総務省「全国地方公共団体コード」に登録された団体名をそのまま使うことを意味する。",
  },
  {
    key: "platform.mayorTitle",
    label: "首長の職名",
    description: "証明書の証明者欄や通知の差出人に記す首長の職名（市長・町長・村長・区長）。",
    schema: Type.Union(MAYOR_TITLES.map((t) => Type.Literal(t))),
    nationalDefault: "市町村長",
    source: "地方自治法第139条第2項（市町村に市町村長を置く）。既定値は同条の総称で、各団体は自らの職名を設定する。",
  },
  {
    key: "platform.mayorName",
    label: "首長の氏名",
    description: "証明書の証明者欄に記す首長の氏名。空文字のときは職名のみを記す。",
    schema: Type.String({ maxLength: 64 }),
    nationalDefault: "",
    source: "全国標準なし（団体ごとの値）。",
  },
  {
    key: "platform.counterHours",
    label: "窓口受付時間",
    description: "窓口（証明書交付・届出）の受付開始と終了の時刻（24時間制、「08:30」のように時と分を2桁ずつ）。",
    schema: Type.Object(
      {
        opens: Type.String({ pattern: CLOCK_TIME, title: "受付開始", description: "受付開始（時:分）" }),
        closes: Type.String({ pattern: CLOCK_TIME, title: "受付終了", description: "受付終了（時:分）" }),
      },
      { additionalProperties: false },
    ),
    nationalDefault: { opens: "08:30", closes: "17:15" },
    source:
      "全国統一の定めなし。受付時間は各団体が規則等で定める（職員の勤務時間は地方公務員法第24条第5項により条例で定める）。" +
      "既定値 8:30–17:15 は多くの市町村役場が採る時間（参考値）。",
  },
  {
    key: "platform.certificateFeeYen",
    label: "住民票の写しの交付手数料（円）",
    description: "住民票の写し1通の交付手数料。証明書発行と手数料の集計に用いる。",
    schema: Type.Integer({ minimum: 0, maximum: 10_000 }),
    nationalDefault: 300,
    source:
      "全国統一の標準額なし。住民票の写しの交付は地方公共団体の手数料の標準に関する政令（平成12年政令第16号）の標準事務に" +
      "含まれず、地方自治法第227条・第228条第1項により各団体の手数料条例で定める。既定値300円は最も多くの団体が採る額（参考値）。",
  },
];
