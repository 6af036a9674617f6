import { useLayoutEffect, useRef, type RefObject } from 'react';

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * FLIP animation for a re-ordered list: after each render, every child with `data-flip-key` that moved
 * is put back where it was (First/Last/Invert) with a CSS transform and then transitions to its new
 * place (Play, using the element's stylesheet `transition: transform`). Positions are taken relative
 * to the list, so scrolling does not count as a move. Nothing moves when the user prefers reduced motion.
 */
export function useFlip(listRef: RefObject<HTMLElement | null>, trigger: unknown): void {
  const positions = useRef(new Map<string, number>());

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) {
      positions.current.clear();
      return;
    }
    const listTop = list.getBoundingClientRect().top;
    const items = list.querySelectorAll<HTMLElement>('[data-flip-key]');
    const next = new Map<string, number>();
    const reduce = prefersReducedMotion();
    const moved: HTMLElement[] = [];

    items.forEach((el) => {
      const key = el.dataset.flipKey!;
      // Where the element is drawn now includes any transform still in flight ("residual");
      // where it rests in the layout does not. Remember the resting place for the next change.
      const residual = currentTranslateY(el);
      const restingTop = el.getBoundingClientRect().top - listTop - residual;
      next.set(key, restingTop);
      const previous = positions.current.get(key);
      if (reduce || previous === undefined) return;
      const delta = previous - restingTop;
      if (Math.abs(delta) < 1) return;
      el.style.transition = 'none';
      el.style.transform = `translateY(${delta + residual}px)`;
      moved.push(el);
    });
    positions.current = next;

    if (moved.length === 0) return;
    // Force a style flush so the inverted position is painted before the transition starts.
    void list.offsetHeight;
    // Play: drop the inline overrides; the stylesheet's `transition: transform` animates to rest.
    // (Not cancelled on re-render: a left-over inverted transform would stick.)
    requestAnimationFrame(() => {
      for (const el of moved) {
        el.style.transition = '';
        el.style.transform = '';
      }
    });
  }, [listRef, trigger]);
}

function currentTranslateY(el: HTMLElement): number {
  const transform = getComputedStyle(el).transform;
  if (!transform || transform === 'none') return 0;
  try {
    return new DOMMatrixReadOnly(transform).m42;
  } catch {
    return 0;
  }
}
