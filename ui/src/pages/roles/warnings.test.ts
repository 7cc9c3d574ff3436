import { describe, expect, it } from 'vitest';
import { parseWarnings } from './warnings';

describe('parseWarnings', () => {
  it('reads each 299 warning text, also when the browser joined several headers', () => {
    expect(parseWarnings(null)).toEqual([]);
    expect(parseWarnings('299 atrium "Give bob a mobile phone, with +31."')).toEqual(['Give bob a mobile phone, with +31.']);
    expect(parseWarnings('299 atrium "One, two", 299 atrium "Three"')).toEqual(['One, two', 'Three']);
  });
});
