// Measures how soon the admin center's first page is usable: cold loads of
// /signin (a new browser context each time, so nothing is cached) in
// Debian's Chromium, timed from navigation until the Sign in button can be
// pressed, with the bytes the page transferred. Start Atrium first:
//
//	make run   # or: go run ./cmd/atrium serve --demo
//	node e2e/ui/firstpage.mjs http://localhost:8080 20
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../ui/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const [base = 'http://localhost:8080', runs = '20'] = process.argv.slice(2);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const times = [];
let bytes = 0;
let files = 0;
try {
  for (let i = 0; i < Number(runs); i++) {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    let size = 0;
    let count = 0;
    page.on('response', async (r) => {
      const len = Number((await r.allHeaders())['content-length'] ?? (await r.body().catch(() => Buffer.alloc(0))).length);
      size += len;
      count++;
    });
    const start = Date.now();
    await page.goto(`${base}/signin`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor({ state: 'visible' });
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('x'); // the form takes input
    times.push(Date.now() - start);
    bytes = size;
    files = count;
    await context.close();
  }
} finally {
  await browser.close();
}
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
console.log(`first page (/signin), ${times.length} cold loads: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${times.at(-1)} ms; ` +
  `${files} responses, ${Math.round(bytes / 1024)} kB transferred`);
