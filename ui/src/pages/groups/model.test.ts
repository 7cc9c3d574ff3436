import { describe, expect, it } from 'vitest';
import { groupKind, kindFlags, nicknameFrom, nicknameProblem } from './model';

describe('groupKind', () => {
  it('derives the type from the Graph flags', () => {
    expect(groupKind({ mailEnabled: false, securityEnabled: true, groupTypes: [] })).toBe('security');
    expect(groupKind({ mailEnabled: true, securityEnabled: true, groupTypes: [] })).toBe('mailSecurity');
    expect(groupKind({ mailEnabled: true, securityEnabled: false, groupTypes: [] })).toBe('distribution');
    expect(groupKind({ mailEnabled: true, securityEnabled: false, groupTypes: ['Unified'] })).toBe('unified');
    expect(groupKind({ mailEnabled: true, securityEnabled: true, groupTypes: ['DynamicMembership', 'unified'] })).toBe('unified');
  });

  it('creates each kind with flags that derive back to it', () => {
    for (const [kind, flags] of Object.entries(kindFlags)) expect(groupKind({ ...flags, groupTypes: [] })).toBe(kind);
  });
});

describe('nicknames', () => {
  it('proposes a nickname the server accepts', () => {
    expect(nicknameFrom('Zoë’s Sales team (NL).')).toBe('ZoesSalesteamNL');
    expect(nicknameProblem(nicknameFrom('Zoë’s Sales team (NL).'))).toBe(false);
    expect(nicknameFrom('x'.repeat(80))).toHaveLength(64);
  });

  it('refuses what checkMailNickname refuses', () => {
    expect(nicknameProblem('sales team')).toBe(true);
    expect(nicknameProblem('sales.team')).toBe(true);
    expect(nicknameProblem('sales@x')).toBe(true);
    expect(nicknameProblem('')).toBe(true);
    expect(nicknameProblem('sales-team_1')).toBe(false);
  });
});
