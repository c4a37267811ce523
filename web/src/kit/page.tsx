// One screen's frame: its heading and the browser tab title. On opening a screen the heading takes
// focus, so keyboard and screen-reader users start at the new content rather than the old link.
import { useEffect, useRef, type ReactNode } from "react";

export function Page({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title}｜kyodo 職員画面`;
    heading.current?.focus();
  }, [title]);
  return (
    <>
      <h1 className="page__title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {lead ? <p className="page__lead">{lead}</p> : null}
      {children}
    </>
  );
}
