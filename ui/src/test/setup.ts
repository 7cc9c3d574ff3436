import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Fluent's focus manager (tabster) uses NodeFilter as a global, which jsdom
// keeps on window only.
globalThis.NodeFilter ??= window.NodeFilter;
afterEach(() => cleanup());
