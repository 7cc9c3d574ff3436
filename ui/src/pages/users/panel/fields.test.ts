import { describe, expect, it } from 'vitest';
import { accountFields, changes, contactFields, panelSelect, toText } from './fields';

describe('panel edits', () => {
  it('patches only what changed, clearing with null and splitting lists', () => {
    const user = { displayName: 'Adele', jobTitle: 'Lead', department: null, usageLocation: 'NL', businessPhones: ['+31 1'], otherMails: [] };
    const texts = { displayName: 'Adele', jobTitle: '  ', department: 'Sales', usageLocation: 'be', businessPhones: '+31 1', otherMails: 'a@x.test, b@x.test,' };
    expect(changes([...accountFields, ...contactFields], user, texts)).toEqual({
      jobTitle: null, department: 'Sales', usageLocation: 'BE', otherMails: ['a@x.test', 'b@x.test'],
    });
    expect(changes(contactFields, user, { businessPhones: '' })).toEqual({ businessPhones: [] });
    expect(toText(['a', 'b'])).toBe('a, b');
    expect(toText(null)).toBe('');
  });

  it('selects every property the tabs show', () => {
    for (const f of [...accountFields, ...contactFields]) expect(panelSelect.split(',')).toContain(f.name);
  });
});
