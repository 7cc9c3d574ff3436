import { describe, expect, it } from 'vitest';
import { daysLeft } from './daysLeft';

describe('days left', () => {
  const now = new Date('2026-06-30T12:00:00Z');
  it('counts down from 30 and stops at 0', () => {
    expect(daysLeft('2026-06-30T11:00:00Z', now)).toBe(30);
    expect(daysLeft('2026-06-29T12:00:00Z', now)).toBe(29);
    expect(daysLeft('2026-06-01T13:00:00Z', now)).toBe(2);
    expect(daysLeft('2026-05-31T12:00:00Z', now)).toBe(0);
    expect(daysLeft('2026-01-01T00:00:00Z', now)).toBe(0);
  });
});
