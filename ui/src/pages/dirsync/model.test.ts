import { describe, expect, it } from 'vitest';
import { formOf, isoMinutes, patchOf, seconds, type DirSync } from './model';

const saved: DirSync = {
  id: 't',
  configuration: { synchronizationInterval: 'PT30M', accidentalDeletionPrevention: { synchronizationPreventionType: 'enabledForCount', alertThreshold: 500 } },
  features: { passwordSyncEnabled: true, passwordWritebackEnabled: false },
};

describe('durations', () => {
  it('reads the server\'s ISO 8601 durations', () => {
    expect(seconds('PT30M')).toBe(1800);
    expect(seconds('PT1H30M')).toBe(5400);
    expect(seconds('P7D')).toBe(604800);
    expect(seconds('P1DT2H')).toBe(93600);
    expect(seconds('PT90S')).toBe(90);
    expect(seconds('30')).toBeNaN();
    expect(seconds('P')).toBeNaN();
    expect(seconds('PT')).toBeNaN();
  });

  it('writes minutes the way the server reads them, and back', () => {
    expect(isoMinutes(10)).toBe('PT10M');
    expect(isoMinutes(90)).toBe('PT1H30M');
    expect(isoMinutes(1440)).toBe('P1D');
    expect(isoMinutes(10080)).toBe('P7D');
    expect(isoMinutes(1530)).toBe('P1DT1H30M');
    for (const m of [10, 59, 61, 1441, 10080]) expect(seconds(isoMinutes(m))).toBe(m * 60);
  });
});

describe('patchOf', () => {
  it('sends nothing when nothing changed', () => {
    expect(patchOf(saved, formOf(saved))).toBeNull();
  });

  it('sends only what changed, at its place in the settings', () => {
    const f = formOf(saved);
    expect(patchOf(saved, { ...f, interval: '60' })).toEqual({ configuration: { synchronizationInterval: 'PT1H' } });
    expect(patchOf(saved, { ...f, prevention: 'enabledForPercentage', threshold: '10' })).toEqual({
      configuration: { accidentalDeletionPrevention: { synchronizationPreventionType: 'enabledForPercentage', alertThreshold: 10 } },
    });
    expect(patchOf(saved, { ...f, features: { ...f.features, passwordWritebackEnabled: true } })).toEqual({ features: { passwordWritebackEnabled: true } });
  });

  it('passes a threshold that isn\'t a number as typed, for the server to name the field', () => {
    expect(patchOf(saved, { ...formOf(saved), threshold: 'many' })).toEqual({ configuration: { accidentalDeletionPrevention: { alertThreshold: 'many' } } });
  });

  it('leaves an interval of seconds alone unless the admin edits it', () => {
    const odd = { ...saved, configuration: { ...saved.configuration, synchronizationInterval: 'PT10M30S' } };
    expect(formOf(odd).interval).toBe('11');
    expect(patchOf(odd, formOf(odd))).toBeNull();
  });
});
