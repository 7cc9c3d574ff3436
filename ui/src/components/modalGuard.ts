// A guard against a Fluent UI v9 bug (microsoft/fluentui#35985, closed
// "won't fix"; microsoft/tabster#530): when a dialog opened from inside
// another modal surface (a confirmation over a details drawer) closes, the
// focus trap can leave aria-hidden="true" on the surface underneath. It
// stays visible but disappears for screen readers, and role-based queries
// can't find it. The guard watches the page and, whenever the set of open
// modals settles, makes sure the topmost one and its ancestors are not
// hidden, and that with no modal open the app itself is not hidden (a
// drawer unmounted by a navigation leaves it so); everything else is left
// to Fluent.

/** topmostModal is the open modal surface drawn last, if any. */
function topmostModal(root: ParentNode): HTMLElement | undefined {
  const modals = [...root.querySelectorAll<HTMLElement>('[aria-modal="true"]')].filter((m) => m.isConnected && m.getClientRects().length > 0);
  return modals.at(-1);
}

/** revealTopmostModal removes a stale aria-hidden from the topmost modal and its ancestors; it reports whether it changed anything. */
export function revealTopmostModal(doc: Document = document): boolean {
  const top = topmostModal(doc.body);
  let changed = false;
  // No modal open at all (a drawer unmounted by a navigation, say): the app
  // itself must not stay hidden.
  const app = doc.getElementById('root');
  if (!top && app?.getAttribute('aria-hidden') === 'true') {
    app.removeAttribute('aria-hidden');
    return true;
  }
  for (let el: HTMLElement | null = top ?? null; el && el !== doc.body; el = el.parentElement) {
    if (el.getAttribute('aria-hidden') === 'true') {
      el.removeAttribute('aria-hidden');
      changed = true;
    }
  }
  return changed;
}

/**
 * installModalGuard starts the guard: after every change to the page's
 * hidden state settles (Fluent updates it on a 250 ms timer), the topmost
 * modal is revealed. It returns a function that stops the guard.
 */
export function installModalGuard(doc: Document = document, settleMs = 400): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => revealTopmostModal(doc), settleMs);
  });
  observer.observe(doc.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-hidden', 'aria-modal'] });
  return () => {
    clearTimeout(timer);
    observer.disconnect();
  };
}
