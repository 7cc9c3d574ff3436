// Browser flow of Users → Add multiple users, for e2e/ui/run.mjs. It takes a
// Playwright page signed in as a Global admin and the catalog function t of
// e2e/ui/catalog.mjs, finds everything by the names a person (or a screen
// reader) sees, and throws when the page doesn't do what it should.
import { readFile } from 'node:fs/promises';
import { openUsers } from './users.mjs';

/** dataLines are the file's lines after the header that hold something. */
async function dataLines(csvPath) {
  const text = (await readFile(csvPath, 'utf8')).replace(/^\uFEFF/, '');
  return text.split(/\r?\n/).slice(1).filter((l) => l.trim() !== '');
}

/**
 * importUsers uploads csvPath (a few good rows and exactly one bad row) on
 * Add multiple users, checks Verify lists the bad row's problem (one file
 * line, a data line of the file), skips it, creates the others with
 * temporary passwords, waits for the import to complete with every good
 * row created, and returns the text of the downloaded results CSV.
 */
export async function importUsers(page, t, csvPath) {
  const lines = await dataLines(csvPath);
  await openUsers(page, t);
  await page.getByRole('button', { name: t('import:open'), exact: true }).click();
  await page.getByRole('heading', { name: t('import:title'), exact: true }).waitFor();
  await page.getByLabel(t('import:upload.file')).setInputFiles(csvPath);
  await page.getByRole('button', { name: t('import:upload.button'), exact: true }).click();
  await page.waitForURL(/\/admin\/users\/import\/[^/]+$/);

  // Verify: the bad row, by its line in the file (the header is line 1).
  const problems = page.getByRole('table', { name: t('import:verify.tableLabel'), exact: true });
  await problems.waitFor({ timeout: 60_000 });
  const rows = problems.getByRole('row');
  const n = (await rows.count()) - 1;
  if (n < 1) throw new Error('Verify lists no problem for the bad row');
  const lineNumbers = new Set();
  for (let i = 1; i <= n; i++) lineNumbers.add((await rows.nth(i).getByRole('cell').first().textContent()).trim());
  if (lineNumbers.size !== 1) throw new Error(`Verify lists problems on lines ${[...lineNumbers].join(', ')}, want one bad row`);
  const line = Number([...lineNumbers][0]);
  if (!(line >= 2 && line <= lines.length + 1)) throw new Error(`the problem is on line ${line}, not a data line of the file`);
  const message = (await rows.nth(1).getByRole('cell').last().textContent()).trim();
  if (!message) throw new Error(`the problem of line ${line} has no message`);
  const next = page.getByRole('button', { name: t('import:verify.next'), exact: true });
  if (await next.isEnabled()) throw new Error('Next is enabled while a row has a problem and is not skipped');
  await page.getByRole('checkbox', { name: t('import:verify.skip'), exact: true }).check();
  await next.click();

  // Set user options: temporary passwords, the rest as offered.
  await page.getByRole('radio', { name: t('import:options.password'), exact: true }).check();
  await page.getByRole('button', { name: t('import:options.create'), exact: true }).click();

  // Results: every good row created, nothing failed.
  const good = lines.length - 1;
  const summary = t('import:results.summary', { created: String(good), total: String(lines.length), failed: '0' });
  const failed = page.getByRole('alert').filter({ hasText: t('import:results.failedTitle') });
  const done = page.getByRole('status').filter({ hasText: summary });
  await done.or(failed).first().waitFor({ timeout: 120_000 });
  if (await failed.count()) throw new Error(`the import failed: ${await failed.first().textContent()}`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: t('import:results.download'), exact: true }).click(),
  ]);
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  if (!text.startsWith('Row,')) throw new Error(`the results file doesn't start with its header: ${text.slice(0, 80)}`);
  return text;
}

/** exportUsers downloads Export users from Active users and returns the CSV's text (without a BOM). */
export async function exportUsers(page, t) {
  await openUsers(page, t);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: t('import:export.button'), exact: true }).click(),
  ]);
  return (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
}
