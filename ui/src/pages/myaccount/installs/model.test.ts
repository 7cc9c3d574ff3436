import { describe, expect, it } from 'vitest';
import { byKind, deviceNameProblem, isKind, type Install } from './model';

const at = (id: string, kind: string, when: string) => ({ id, deviceName: id, kind, activatedDateTime: when }) as Install;

describe('byKind', () => {
  it('groups per kind, oldest first, and always has all three kinds', () => {
    const g = byKind([
      at('b', 'pc', '2026-11-30T15:00:00Z'), at('p', 'phone', '2026-11-01T00:00:00Z'), at('a', 'pc', '2026-10-01T08:00:00Z'),
    ]);
    expect(g.pc.map((i) => i.id)).toEqual(['a', 'b']);
    expect(g.phone.map((i) => i.id)).toEqual(['p']);
    expect(g.tablet).toEqual([]);
  });

  it('leaves out a kind the page doesn\'t know', () => {
    const g = byKind([at('w', 'watch', '2026-11-30T15:00:00Z')]);
    expect([g.pc, g.tablet, g.phone].flat()).toEqual([]);
    expect(isKind('watch')).toBe(false);
    expect(isKind('tablet')).toBe(true);
  });
});

describe('deviceNameProblem', () => {
  it('wants a name of 1 to 64 characters after trimming', () => {
    expect(deviceNameProblem('   ')).toBe('required');
    expect(deviceNameProblem('Laptop 1')).toBeUndefined();
    expect(deviceNameProblem(` ${'x'.repeat(64)} `)).toBeUndefined();
    expect(deviceNameProblem('x'.repeat(65))).toBe('tooLong');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(deviceNameProblem('💻'.repeat(64))).toBeUndefined();
  });
});
