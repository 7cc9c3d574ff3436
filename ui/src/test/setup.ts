import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Fluent's focus manager (tabster) uses NodeFilter as a global, which jsdom
// keeps on window only.
globalThis.NodeFilter ??= window.NodeFilter;
// jsdom has no ResizeObserver, which Fluent's MessageBar and overflow
// measure with; without layout there is nothing to observe.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
afterEach(() => cleanup());
// Lazy pages and catalogs load on a busy 2-core machine; give findBy* time.
configure({ asyncUtilTimeout: 5000 });
