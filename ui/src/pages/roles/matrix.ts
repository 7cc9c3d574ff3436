import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Cell is one cell of the seed's matrix: yes, read only ("but can't edit"), restricted (L1, L2), or no. */
export type Cell = 'Y' | 'R' | 'L1' | 'L2' | 'N';

export interface MatrixRole {
  templateId: string;
  displayName: string;
  label: string;
  description: string;
  cells: Record<string, Cell>;
}

/** Matrix is GET /api/permissions: the permission ids in the seed's row order and the roles in its column order. */
export interface Matrix {
  permissions: string[];
  roles: MatrixRole[];
}

/** useMatrix loads the matrix once per session; it changes only with a new server. */
export function useMatrix() {
  return useQuery({ queryKey: ['permissionMatrix'], queryFn: () => api.get<Matrix>('/api/permissions'), staleTime: Infinity });
}

/** permKey is a permission id as a catalog key ("org.read" → "org_read"), since dots nest keys. */
export const permKey = (id: string) => id.replace(/\./g, '_');

/** grants tells whether a cell gives the permission at all. */
export const grants = (c: Cell | undefined) => c !== undefined && c !== 'N';

/** rolesWith lists the roles whose cell for perm grants it, in the matrix's order. */
export function rolesWith(m: Matrix | undefined, perm: string): MatrixRole[] {
  return (m?.roles ?? []).filter((r) => grants(r.cells[perm]));
}

/** footnotes lists the restricted cells used, in first-use order, so each gets one numbered note. */
export function footnotes(m: Matrix, roles: MatrixRole[] = m.roles): Cell[] {
  const seen: Cell[] = [];
  for (const p of m.permissions) {
    for (const r of roles) {
      const c = r.cells[p];
      if ((c === 'R' || c === 'L1' || c === 'L2') && !seen.includes(c)) seen.push(c);
    }
  }
  return seen;
}
