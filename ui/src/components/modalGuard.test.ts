import { afterEach, describe, expect, it } from 'vitest';
import { revealTopmostModal } from './modalGuard';

// jsdom has no layout; every element counts as drawn.
function visible(el: HTMLElement) {
  el.getClientRects = () => [{}] as unknown as DOMRectList;
  return el;
}

function portal(hidden: boolean): HTMLElement {
  const p = document.createElement('div');
  if (hidden) p.setAttribute('aria-hidden', 'true');
  const modal = visible(document.createElement('div'));
  modal.setAttribute('role', 'dialog');
  modal.setAttribute('aria-modal', 'true');
  p.appendChild(modal);
  document.body.appendChild(p);
  return p;
}

describe('revealTopmostModal', () => {
  afterEach(() => { document.body.innerHTML = ''; });

  it('unhides the only open modal left behind hidden', () => {
    const drawer = portal(true);
    expect(revealTopmostModal()).toBe(true);
    expect(drawer.hasAttribute('aria-hidden')).toBe(false);
  });

  it('leaves the modal underneath hidden while a dialog is open over it', () => {
    const drawer = portal(true);
    const dialog = portal(false);
    expect(revealTopmostModal()).toBe(false);
    expect(drawer.getAttribute('aria-hidden')).toBe('true');
    expect(dialog.hasAttribute('aria-hidden')).toBe(false);
  });

  it('does nothing without a modal', () => {
    const page = document.createElement('div');
    page.setAttribute('aria-hidden', 'true');
    document.body.appendChild(page);
    expect(revealTopmostModal()).toBe(false);
    expect(page.getAttribute('aria-hidden')).toBe('true');
  });

  it('unhides the app when no modal is open any more', () => {
    const app = document.createElement('div');
    app.id = 'root';
    app.setAttribute('aria-hidden', 'true');
    document.body.appendChild(app);
    expect(revealTopmostModal()).toBe(true);
    expect(app.hasAttribute('aria-hidden')).toBe(false);
  });

  it('leaves the app hidden under an open modal', () => {
    const app = document.createElement('div');
    app.id = 'root';
    app.setAttribute('aria-hidden', 'true');
    document.body.appendChild(app);
    portal(false);
    expect(revealTopmostModal()).toBe(false);
    expect(app.getAttribute('aria-hidden')).toBe('true');
  });
});
