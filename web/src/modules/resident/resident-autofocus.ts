// 最初の入力欄へ (where the cursor starts on a counter screen): the screen's heading takes the
// focus as it opens (components/page.tsx), which suits reading; a clerk who opened a form wants to
// type, so the first item takes it right after, once the screen has settled.
import { useEffect } from "react";

export function useFocusOnOpen(id: string | null): void {
  useEffect(() => {
    if (id === null) return;
    const frame = requestAnimationFrame(() => document.getElementById(id)?.focus());
    return () => cancelAnimationFrame(frame);
  }, [id]);
}
