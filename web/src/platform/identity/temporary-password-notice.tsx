// 仮パスワードの表示: an activation code or a one-time password as the server answered it, once.
// It is stored only as a hash: once this notice is gone nobody can show it again, only issue
// another. The holder sets a password of their own with it at their first log-in.
import { formatDateTimeJa } from "../../kit/date-format.ts";
import { Notice } from "../../kit/notice.tsx";
import "./identity.css";

export interface IssuedPassword {
  loginId: string;
  temporaryPassword: string;
  expiresAt: string;
  kind: "activation" | "one-time";
}

export function TemporaryPasswordNotice({ issued, who }: { issued: IssuedPassword; who: string }) {
  const name = issued.kind === "activation" ? "有効化コード" : "仮パスワード";
  return (
    <Notice kind="success">
      <p>
        {who}（ログインID <span className="code">{issued.loginId}</span>）の{name}です。
        この画面を離れると二度と表示されません。本人に別の手段（封書・対面など）で渡してください。
      </p>
      <p className="temporary-password" data-testid="temporary-password" aria-label={name}>
        {issued.temporaryPassword}
      </p>
      <p className="muted">
        有効期限：{formatDateTimeJa(issued.expiresAt)}。本人は初回ログインでこの{name}を入力し、自分のパスワードを設定します。
      </p>
    </Notice>
  );
}
