import { ApiError } from '../../api/client';

/** fieldError is the server's message for a field when a 400 names it as its target. */
export function fieldError(err: unknown, field: string): string | undefined {
  return err instanceof ApiError && err.status === 400 && err.target === field ? err.message : undefined;
}

/** otherError is an error no field of the form shows (to show it above the form). */
export function otherError(err: unknown, fields: readonly string[]): unknown {
  if (!err) return undefined;
  return err instanceof ApiError && err.status === 400 && err.target && fields.includes(err.target) ? undefined : err;
}

/** splitList reads a list typed one per line or separated by commas or semicolons; blanks are dropped. */
export function splitList(text: string): string[] {
  return text.split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean);
}

/** bannedProblem lists custom banned terms the server would refuse (4 to 16 characters each), or none. */
export function bannedProblems(terms: string[]): string[] {
  return terms.filter((t) => [...t].length < 4 || [...t].length > 16);
}

/** intIn parses a whole number typed into a field, or NaN. */
export function intIn(s: string): number {
  return /^\s*\d+\s*$/.test(s) ? Number(s) : NaN;
}
