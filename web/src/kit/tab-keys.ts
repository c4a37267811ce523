// タブのキー操作 (the keys of a tablist, WAI-ARIA Authoring Practices): ←/→ move to the previous or
// next tab and wrap around, Home and End to the first and last; any other key is not the tablist's.

/** The index of the tab `key` moves to from `current` among `count` tabs, or null. */
export function tabIndexAfterKey(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case "ArrowRight":
      return (current + 1) % count;
    case "ArrowLeft":
      return (current - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
