import { describe, expect, it } from 'vitest';
import { devicesPath, odataString } from './model';

const filterOf = (p: string) => new URLSearchParams(p.split('?')[1]).get('$filter');

describe('devicesPath', () => {
  it('asks for a page by name with the count, unfiltered', () => {
    const p = devicesPath({ name: '', os: '' });
    expect(p).toBe('/v1.0/devices?$top=50&$count=true&$orderby=displayName');
    expect(filterOf(p)).toBeNull();
  });

  it('filters on the name\'s beginning and the operating system together', () => {
    expect(filterOf(devicesPath({ name: ' LAPTOP ', os: 'Windows' })))
      .toBe("startswith(displayName,'LAPTOP') and startswith(operatingSystem,'Windows')");
    expect(filterOf(devicesPath({ name: '', os: 'iOS' }))).toBe("startswith(operatingSystem,'iOS')");
  });

  it('quotes what the admin types so it can\'t end the string', () => {
    expect(odataString("Anna's iPhone")).toBe("'Anna''s iPhone'");
    const p = devicesPath({ name: "x') or true or ('", os: '' });
    expect(filterOf(p)).toBe("startswith(displayName,'x'') or true or (''')");
    expect(p).not.toContain(' '); // encoded
  });
});
