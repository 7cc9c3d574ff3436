import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('CSV export', () => {
  it('quotes fields with commas, quotes, line breaks and edge spaces, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(0)).toBe('0');
    expect(csvField('Zoë Ünal')).toBe('Zoë Ünal');
  });

  it('defuses values a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+31 6 1234')).toBe("'+31 6 1234");
    expect(csvField('@admin')).toBe("'@admin");
    expect(csvField(-5)).toBe('-5');
  });

  it('joins rows with CRLF under the header', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y'], ['', null]])).toBe('a,b\r\n1,"x,y"\r\n,\r\n');
  });
});
