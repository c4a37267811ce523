// 監査ログの表示: Japanese labels for audit actions and actors. An action without a label is shown
// by its code, so entries written by newer areas are never hidden.
export interface AuditActorNames {
  /** Staff display names by staff id, from GET /api/staff. */
  staff: ReadonlyMap<string, string>;
}

const ACTION_LABELS: Record<string, string> = {
  "identity.login": "ログイン",
  "identity.login-failed": "ログイン失敗",
  "identity.login-throttled": "ログイン拒否（試行制限中）",
  "identity.login-refused": "ログイン拒否（仮パスワードの期限切れ・変更が必要）",
  "identity.login-throttles-listed": "ログイン試行制限の閲覧",
  "identity.login-throttle-cleared": "ログイン試行制限の解除",
  "identity.logout": "ログアウト",
  "identity.staff-created": "職員アカウント作成",
  "identity.roles-changed": "権限の変更",
  "identity.staff-disabled": "職員アカウントの無効化",
  "identity.staff-enabled": "職員アカウントの再有効化",
  "identity.password-reset": "パスワードの再発行（仮パスワード）",
  "identity.password-set": "仮パスワードから本人のパスワードへの変更",
  "identity.password-changed": "パスワードの変更",
  "identity.password-change-failed": "パスワード変更の失敗（現在のパスワード誤り）",
  "identity.account-activated": "管理者アカウントの有効化",
  "identity.administrator-issued": "管理者の指名（有効化コードの発行）",
  "identity.administrator-reset": "管理者の再設定（有効化コードの再発行）",
  "identity.operator-created": "運用事業者アカウント作成",
  "tenancy.tenant-created": "団体の追加",
  "tenancy.consortium-created": "一部事務組合等の登録",
  "tenancy.tenants-listed": "団体一覧の閲覧",
  "audit.verified": "監査ログの検証",
  "audit.searched": "監査ログの検索",
  "audit.alerts-listed": "監査ログの改ざん警告の閲覧（全団体）",
  "audit.alert-acknowledged": "監査ログの改ざん警告の確認",
  "settings.override-set": "設定の変更（団体独自）",
  "settings.override-cleared": "団体独自の設定の解除",
  "settings.group-override-set": "県版・一部事務組合の設定の変更",
  "settings.group-override-cleared": "県版・一部事務組合の設定の解除",
  "settings.fit-gap-listed": "フィット&ギャップの閲覧",
  "events.delivery-retried": "連携の再送",
  "events.deliveries-listed": "連携状況の閲覧（全団体）",
  "jobs.run-requested": "ジョブの実行依頼",
  "jobs.runs-listed": "ジョブ実行履歴の閲覧（全団体）",
  "addressee.searched": "宛名の検索",
  "addressee.viewed": "宛名の照会",
  "addressee.registered": "住登外者の登録",
  "addressee.corrected": "宛名の訂正",
  "addressee.mailing-added": "送付先の登録",
  "addressee.mailing-changed": "送付先の変更",
  "addressee.mailing-withdrawn": "送付先の取消",
  "addressee.duplicates-listed": "名寄せ候補の閲覧",
  "addressee.merged": "名寄せ",
  "addressee.merge-undone": "名寄せの取消",
  "protection.measure-created": "支援措置の登録",
  "protection.measure-renewed": "支援措置の延長",
  "protection.measure-changed": "支援措置の変更",
  "protection.measure-ended": "支援措置の終了",
  "protection.measure-viewed": "支援措置の照会",
  "protection.measures-listed": "支援措置の一覧の閲覧",
  "protection.blocked": "支援措置による交付の拒否",
  "protection.release-requested": "支援措置の解除申請",
  "protection.release-approved": "支援措置の解除承認",
  "protection.release-refused": "支援措置の解除却下",
  "protection.release-used": "解除承認による交付",
  "protection.report-viewed": "支援措置の運用状況の閲覧",
  "protection.expiry-noticed": "支援措置の期間満了の予告",
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/**
 * "staff:<id>" → the staff member's name; operators and the system by their kind. The same
 * function names an entry's subject, so "addressee:<宛名番号>" reads 「宛名 <宛名番号>」.
 */
export function actorLabel(actor: string, names: AuditActorNames): string {
  const colon = actor.indexOf(":");
  const kind = colon === -1 ? actor : actor.slice(0, colon);
  const id = colon === -1 ? "" : actor.slice(colon + 1);
  if (kind === "staff") return names.staff.get(id) ?? `職員（${id.slice(0, 8)}）`;
  if (kind === "operator") return "運用事業者";
  if (kind === "system") return "システム";
  if (kind === "anonymous") return "不明（未ログイン）";
  if (kind === "addressee") return `宛名 ${id}`;
  return actor;
}
