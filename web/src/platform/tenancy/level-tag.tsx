// 設定元の表示: the level as a coloured tag (全国標準・県版・一部事務組合・団体独自) and, for a
// prefecture or consortium, the group's name beneath it, so a long 一部事務組合 name wraps as text.
import { levelName, type SettingLevel } from "../settings/setting-levels.ts";

export function LevelTag({ level, scopeName }: { level: SettingLevel; scopeName: string | null }) {
  const group = level === "prefecture" || level === "consortium" ? scopeName : null;
  return (
    <>
      <span className={`level-tag level-tag--${level}`}>{levelName(level, scopeName)}</span>
      {group ? <span className="level-group">（{group}）</span> : null}
    </>
  );
}
