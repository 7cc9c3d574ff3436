import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testI18n, wrapper } from '../groups/testing';
import type { SupportRequest } from './model';
import { Thread, threadEntries } from './Thread';

const me = 'u-1';
const sr: SupportRequest = {
  id: 'SR-20261130-0001', title: 'Mail is delayed', description: 'Since 09:00.\nOnly external mail.', service: 'mail', severity: 'high',
  contactName: 'Admin', contactPhone: null, contactEmail: 'admin@contoso.example', preferredContactMethod: 'email', status: 'waitingOnCustomer',
  createdBy: { id: me, userPrincipalName: 'admin@contoso.example' },
  createdDateTime: '2026-11-30T09:05:00Z', lastModifiedDateTime: '2026-11-30T11:00:00Z',
  messages: [
    // Out of order on purpose: the thread sorts oldest first.
    { id: 3, from: 'customer', author: { id: 'u-2', userPrincipalName: 'piet@contoso.example' }, text: 'Also <b>internal</b> now.', createdDateTime: '2026-11-30T11:00:00Z' },
    { id: 2, from: 'support', author: { displayName: 'Atrium support' }, text: 'Which mailboxes?', createdDateTime: '2026-11-30T10:00:00Z' },
  ],
};

describe('threadEntries', () => {
  it('opens with the description, then the messages oldest first, naming who wrote each', () => {
    const e = threadEntries(sr, me);
    expect(e.map((x) => [x.key, x.fromSupport, x.author, x.mine])).toEqual([
      ['description', false, 'admin@contoso.example', true],
      ['m2', true, 'Atrium support', false],
      ['m3', false, 'piet@contoso.example', false],
    ]);
  });

  it('is just the description when there are no messages (the list leaves them out)', () => {
    expect(threadEntries({ ...sr, messages: undefined }, 'someone-else').map((x) => [x.key, x.mine])).toEqual([['description', false]]);
  });
});

describe('Thread', () => {
  it('renders the conversation as a labelled list, support set apart, text as text', async () => {
    const i18n = await testI18n('en');
    render(<Thread request={sr} myUserId={me} />, { wrapper: wrapper(i18n) });
    const list = screen.getByRole('list', { name: 'Conversation with support' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0].getAttribute('aria-label')).toMatch(/^You, /);
    expect(within(items[0]).getByText('Opened the request')).toBeTruthy();
    expect(items[0].querySelector('p')!.textContent).toBe('Since 09:00.\nOnly external mail.');
    expect(within(items[1]).getByText('Support')).toBeTruthy();
    expect(within(items[1]).getByText('Atrium support')).toBeTruthy();
    expect(items[2].getAttribute('aria-label')).toMatch(/^piet@contoso\.example, /);
    expect(items[2].querySelector('b')).toBeNull();
    expect(within(items[2]).getByText('Also <b>internal</b> now.')).toBeTruthy();
  });

  it('speaks Dutch', async () => {
    const i18n = await testI18n('nl');
    render(<Thread request={sr} myUserId={me} />, { wrapper: wrapper(i18n) });
    expect(screen.getByRole('list', { name: 'Gesprek met de ondersteuning' })).toBeTruthy();
    expect(screen.getByText('Heeft de aanvraag ingediend')).toBeTruthy();
  });
});
