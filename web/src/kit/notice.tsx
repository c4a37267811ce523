// お知らせ枠 (notification banner): errors are announced at once (role="alert"), the rest politely.
import type { ReactNode } from "react";

const MARKS = { error: "エラー", info: "お知らせ", success: "完了" } as const;

export function Notice({ kind, children }: { kind: keyof typeof MARKS; children: ReactNode }) {
  return (
    <div className={`notice notice--${kind}`} role={kind === "error" ? "alert" : "status"}>
      <span className="notice__mark">{MARKS[kind]}</span>
      <div>{children}</div>
    </div>
  );
}
