/**
 * Fetch the pages the rows in view need, and the next/previous one when it is near (no blank rows when scrolling
 * steadily across a page boundary), for a list that pages its data in (VirtualList, InstitutionTree).
 * Throttled: a fling passes many pages in a second; only those still in view when the timer fires are asked for.
 * Call it while a component is set up: it registers that component's effects.
 *
 * `view` gives rows first…last in view of `count`, and `rev` (bumped when a page arrives); null until the size is
 * known. It is read in an effect, so a change of any of them re-arms the timer.
 */
export function fetchPagesInView(
  page: number,
  view: () => { first: number; last: number; count: number; rev: number } | null,
  fetchPage: (p: number) => void,
): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  function fetchNeeded() {
    timer = null;
    const v = view();
    if (!v) return;
    const from = Math.max(0, v.first - page / 4);
    const to = Math.min(v.count - 1, v.last + page / 4);
    for (let p = Math.floor(from / page); p <= Math.floor(Math.max(from, to) / page); p++) fetchPage(p);
  }
  $effect(() => {
    if (view() === null || timer) return;
    timer = setTimeout(fetchNeeded, 50);
  });
  $effect(() => () => {
    if (timer) clearTimeout(timer);
  });
}
