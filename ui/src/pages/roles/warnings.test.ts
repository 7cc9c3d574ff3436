import { describe, expect, it } from 'vitest';
import { parseWarnings } from './warnings';

describe('parseWarnings', () => {
  it('reads each 299 warning text, also when the browser joined several headers', () => {
    expect(parseWarnings(null)).toEqual([]);
    expect(parseWarnings('299 atrium "Give bob a mobile phone, with +31."')).toEqual(['Give bob a mobile phone, with +31.']);
    expect(parseWarnings('299 atrium "One, two", 299 atrium "Three"')).toEqual(['One, two', 'Three']);
  });

  it('reads UTF-8 texts that arrived as Latin-1 bytes, and leaves plain Latin-1 alone', () => {
    const bytes = String.fromCharCode(...new TextEncoder().encode('299 atrium "number (+31 6 …); Zoë"'));
    expect(parseWarnings(bytes)).toEqual(['number (+31 6 …); Zoë']);
    expect(parseWarnings('299 atrium "caf\u00e9"')).toEqual(['caf\u00e9']);
  });
});
