// Wire types of Add multiple users (users-and-passwords.md §15): the import job the server runs in the background.

/** ImportStatus is where an import is: checking the file, waiting for the admin's options, creating users, or done. */
export type ImportStatus = 'validating' | 'awaitingConfirmation' | 'running' | 'completed' | 'failed';

/** Credentials is how the new users get in: a one-time set-password link, or a temporary password. */
export type Credentials = 'link' | 'password';

/** ImportProblem is one problem of the file; row is the line number in the file (the header is line 1). */
export interface ImportProblem { row: number; column: string; message: string }

/** ImportOptions are the choices that apply to every user of the file. */
export interface ImportOptions { accountEnabled: boolean; usageLocation?: string | null; skuIds: string[]; credentials: Credentials | ''; skipInvalidRows?: boolean }

/** Import is one upload (GET /api/imports/{id}); the list (GET /api/imports) leaves out problems. */
export interface Import {
  id: string;
  fileName: string;
  status: ImportStatus;
  createdDateTime: string;
  startedDateTime: string | null;
  finishedDateTime: string | null;
  total: number;
  valid: number;
  invalid: number;
  done: number;
  created: number;
  failed: number;
  ratePerSecond: number;
  options: ImportOptions | null;
  problems?: ImportProblem[];
  problemCount: number;
  error: string | null;
}

/** StartRequest is the body of POST /api/imports/{id}/start. */
export interface StartRequest { accountEnabled: boolean; usageLocation?: string; skuIds: string[]; credentials: Credentials; skipInvalidRows: boolean }
