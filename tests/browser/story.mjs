// Browser test of the web UI in headless Chromium (Debian's /usr/bin/chromium).
// Usage: node story.mjs STORYLINE_BINARY SCREENSHOT.png
// Starts `storyline serve --demo` on a free loopback port with a fresh SQLite file, loads the
// story list, clicks into the first story, checks that the timeline renders as points on an
// axis and reacts to a click, and saves a screenshot. Exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [bin, shot] = process.argv.slice(2);
if (!bin || !shot) { console.error('usage: node story.mjs STORYLINE_BINARY SCREENSHOT.png'); process.exit(2); }
const db = join(mkdtempSync(join(tmpdir(), 'storyline-ui-')), 'ui.db');
const server = spawn(bin, ['serve', '--demo', '--database', `sqlite://${db}`, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'ignore', 'pipe'] });
const fail = (msg) => { console.error(`browser test failed: ${msg}`); server.kill('SIGKILL'); process.exit(1); };
const timer = setTimeout(() => fail('timed out after 120 s'), 120000);

const base = await new Promise((resolve, reject) => {
  let buf = '';
  server.stderr.on('data', (d) => {
    buf += d.toString();
    const m = buf.match(/listening on (http:\/\/[^\s]+)/);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${buf}`)));
}).catch((e) => fail(e.message));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + '/');
  const links = page.locator('a.story-link');
  if (await links.count() < 2) fail(`expected the demo's two stories, found ${await links.count()}`);
  const title = await links.first().textContent();
  await links.first().click();
  await page.waitForSelector('.timeline svg circle');
  const h2 = await page.locator('section.story h2').first().textContent();
  if (h2.trim() !== title.trim()) fail(`story page title ${JSON.stringify(h2)} != link ${JSON.stringify(title)}`);
  const points = await page.locator('.timeline svg circle').count();
  if (points < 3) fail(`timeline has ${points} points`);
  const axis = await page.locator('.timeline svg line.axis').count();
  if (axis !== 1) fail('timeline has no axis');
  // The points are spread along the axis, not stacked in one place.
  const xs = new Set(await page.locator('.timeline svg circle').evaluateAll((cs) => cs.map((c) => c.getAttribute('cx'))));
  if (xs.size < 3) fail(`timeline points sit on ${xs.size} distinct x positions`);
  await page.locator('.timeline svg circle').nth(1).click();
  if (await page.locator('.tl-entries li.active').count() !== 1) fail('clicking a point does not select its entry');
  if (await page.locator('.chip').count() < 3) fail('sources are not shown as chips');
  if (errors.length) fail(`script errors: ${errors.join('; ')}`);
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`browser test passed: "${title.trim()}" with ${points} timeline points; screenshot ${shot}`);
} catch (e) {
  fail(e.message);
} finally {
  clearTimeout(timer);
  await browser.close();
  server.kill('SIGTERM');
}
