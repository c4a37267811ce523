// セッションの上限 (session limits) as a municipality's settings: they shorten the platform's
// KYODO_SESSION_IDLE_MINUTES and KYODO_SESSION_MAX_MINUTES, never lengthen them (session-limits.ts).
import { Type } from "@sinclair/typebox";
import type { SettingDefinition } from "../contract.ts";

export const SESSION_IDLE_SETTING = "identity.sessionIdleMinutes";
export const SESSION_MAX_SETTING = "identity.sessionMaxMinutes";

export const sessionSettings: SettingDefinition[] = [
  {
    key: SESSION_IDLE_SETTING,
    label: "セッションの無操作時間の上限（分）",
    description:
      "職員が操作しないままこの時間が過ぎるとログアウトされる（次の操作でログイン画面に戻る）。" +
      "プラットフォームの上限（運用事業者が定める。既定30分）より長く設定しても上限が適用される。" +
      "変更は次のログインから効く。",
    schema: Type.Integer({ minimum: 5, maximum: 24 * 60 }),
    nationalDefault: 30,
    source:
      "全国標準なし。米国国立標準技術研究所の指針 NIST SP800-63B（2017年版）§4.2.3（認証保証レベル2では30分以上操作がなければ再認証）に合わせた参考値。" +
      "庁内の規程（情報セキュリティポリシー）で定めるときはその値を設定する。",
  },
  {
    key: SESSION_MAX_SETTING,
    label: "セッションの最長時間（分）",
    description:
      "ログインしてからこの時間が過ぎると、操作中でもログアウトされる。" +
      "プラットフォームの上限（運用事業者が定める。既定720分＝12時間）より長く設定しても上限が適用される。" +
      "変更は次のログインから効く。",
    schema: Type.Integer({ minimum: 15, maximum: 7 * 24 * 60 }),
    nationalDefault: 12 * 60,
    source: "全国標準なし。米国国立標準技術研究所の指針 NIST SP800-63B（2017年版）§4.2.3（認証保証レベル2では少なくとも12時間ごとに再認証）に合わせた参考値。",
  },
];
