// タブ (tabs, WAI-ARIA tablist pattern): one tab in the Tab order (the selected one), ←/→/Home/End
// move between tabs and show their panel at once; each panel is labelled by its tab. Every panel
// stays rendered (hidden when not selected), so what a panel holds — a revealed value, a table's
// scroll — is kept while the clerk looks at another.
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { tabIndexAfterKey } from "./tab-keys.ts";

export interface TabItem {
  /** Unique on the page: the tab is `tab-<id>`, its panel `panel-<id>`. */
  id: string;
  label: ReactNode;
  content: ReactNode;
}

interface TabsProps {
  /** The tablist's accessible name: 「住民票の詳細」. */
  label: string;
  tabs: readonly TabItem[];
  /** The tab shown first (the first one by default). */
  initial?: string;
  /** The tab shown, when the screen keeps it (so it survives a reload of the panels' data). */
  selected?: string;
  onSelect?(id: string): void;
  className?: string;
  testId?: string;
}

export function Tabs({ label, tabs, initial, selected: shown, onSelect, className, testId }: TabsProps) {
  const [own, setOwn] = useState(() => (tabs.some((t) => t.id === initial) ? initial! : tabs[0]?.id));
  const selected = tabs.some((t) => t.id === shown) ? shown : own;
  const setSelected = (id: string) => {
    setOwn(id);
    onSelect?.(id);
  };
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const current = tabs.findIndex((t) => t.id === selected);

  function onKeyDown(event: KeyboardEvent) {
    const next = tabIndexAfterKey(event.key, Math.max(current, 0), tabs.length);
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next]!;
    setSelected(tab.id);
    buttons.current.get(tab.id)?.focus();
  }

  return (
    <div className={`tabs${className ? ` ${className}` : ""}`} data-testid={testId}>
      <div className="tabs__list" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            className="tabs__tab"
            aria-selected={t.id === selected}
            aria-controls={`panel-${t.id}`}
            tabIndex={t.id === selected ? 0 : -1}
            ref={(el) => {
              if (el) buttons.current.set(t.id, el);
              else buttons.current.delete(t.id);
            }}
            onClick={() => setSelected(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div key={t.id} role="tabpanel" id={`panel-${t.id}`} className="tabs__panel" aria-labelledby={`tab-${t.id}`} tabIndex={0} hidden={t.id !== selected}>
          {t.content}
        </div>
      ))}
    </div>
  );
}
