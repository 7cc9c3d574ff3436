import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { bannedProblems, fieldError, intIn, otherError, splitList } from './form';

describe('settings form helpers', () => {
  it('puts a 400 on the field its target names, and anything else above the form', () => {
    const bad = new ApiError(400, 'Request_BadRequest', 'The help desk URL must be…', { target: 'url' });
    expect(fieldError(bad, 'url')).toBe('The help desk URL must be…');
    expect(fieldError(bad, 'phone')).toBeUndefined();
    expect(otherError(bad, ['phone', 'url'])).toBeUndefined();
    expect(otherError(bad, ['phone'])).toBe(bad);
    const denied = new ApiError(403, 'Authorization_RequestDenied', 'needs org.manage', { target: 'url' });
    expect(fieldError(denied, 'url')).toBeUndefined();
    expect(otherError(denied, ['url'])).toBe(denied);
  });

  it('splits lists on lines, commas and semicolons', () => {
    expect(splitList(' a@x.nl, b@x.nl;\n\nc@x.nl \n')).toEqual(['a@x.nl', 'b@x.nl', 'c@x.nl']);
    expect(splitList('   ')).toEqual([]);
  });

  it('finds banned terms outside 4 to 16 characters, counting characters not bytes', () => {
    expect(bannedProblems(['abc', 'contoso', 'ëëëë', 'x'.repeat(17)])).toEqual(['abc', 'x'.repeat(17)]);
  });

  it('reads whole numbers only', () => {
    expect(intIn(' 42 ')).toBe(42);
    expect(intIn('4.5')).toBeNaN();
    expect(intIn('')).toBeNaN();
  });
});
