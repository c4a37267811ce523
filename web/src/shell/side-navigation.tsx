// 画面メニュー: only the screens this user's roles open (navigation.ts decides which).
import { Link } from "../router.tsx";
import type { ScreenEntry } from "../navigation.ts";

export function SideNavigation({ screens, currentPath }: { screens: readonly ScreenEntry[]; currentPath: string }) {
  return (
    <nav className="side-nav" aria-label="画面メニュー">
      <ul className="side-nav__list">
        {screens.map((s) => (
          <li key={s.path}>
            <Link className="side-nav__link" href={s.path} aria-current={s.path === currentPath ? "page" : undefined}>
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
