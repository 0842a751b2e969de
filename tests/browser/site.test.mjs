// Checks of a built site in the tools that browsers and validators are:
// the W3C Nu HTML checker on every page, axe-core in headless Chromium on
// a few pages, and a visitor following the language switcher.
//
// Run by "make check-browser", which builds the fixture site first:
//   SITE_DIR   the built site (required)
//   ARTIFACTS  where screenshots go (default: ./artifacts)
//   CHROMIUM   the browser (default: /usr/bin/chromium, Debian's package)
//   JAVA       the Java runtime for vnu.jar (default: java)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const require = createRequire(import.meta.url);
const siteDir = process.env.SITE_DIR && resolve(process.env.SITE_DIR);
const artifacts = resolve(process.env.ARTIFACTS || 'artifacts');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

assert.ok(siteDir, 'SITE_DIR must name a built site');

function pageUrl(path) {
  return pathToFileURL(join(siteDir, path)).href;
}

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

test('every page passes the W3C Nu HTML checker with no error', () => {
  const vnu = String(require('vnu-jar'));
  const pages = htmlFiles(siteDir);
  assert.ok(pages.length > 10, `only ${pages.length} pages in ${siteDir}`);
  const run = spawnSync(process.env.JAVA || 'java',
    ['-jar', vnu, '--errors-only', '--format', 'json', ...pages],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(run.error, undefined, `cannot run java: ${run.error}`);
  const messages = JSON.parse(run.stderr || '{"messages":[]}').messages;
  const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
  const shown = errors.map((m) => `${m.url}:${m.lastLine}: ${m.message}`).join('\n');
  assert.equal(errors.length, 0, `vnu found errors:\n${shown}`);
  console.log(`vnu: ${pages.length} pages, 0 errors`);
});

// Chromium as this machine needs it: no sandbox (root), nothing that
// reaches out to the network, a fresh profile.
let browser;
let profile;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'traduki-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    chromiumSandbox: false,
    args: [
      '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const axePages = [
  'index.html',
  'en/index.html',
  'en/news/campagne-i-say-stop-sur-les-routes.html',
  'nl/news.html',
  'fr/tags.html',
  'ar/news/formation-managers-accor.html',
];

for (const path of axePages) {
  test(`axe-core finds no serious or critical violation on ${path}`, async () => {
    const page = await browser.newPage();
    try {
      await page.goto(pageUrl(path));
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const shown = bad.map((v) => `${v.impact}: ${v.id}: ${v.help} (${v.nodes.length} nodes)`).join('\n');
      assert.equal(bad.length, 0, `axe on ${path}:\n${shown}`);
      const minor = results.violations.map((v) => `${v.impact} ${v.id}`);
      console.log(`axe ${path}: ${results.passes.length} rules pass` +
        (minor.length ? `; minor: ${minor.join(', ')}` : ''));
    } finally {
      await page.close();
    }
  });
}

test('the language switcher leads from English to Dutch and French', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  try {
    await page.goto(pageUrl('en/index.html'));
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.screenshot({ path: join(artifacts, 'switcher-en.png'), fullPage: true });

    await page.click('nav.languages a[hreflang="nl"]');
    await page.waitForLoadState();
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    assert.match(page.url(), /\/nl\/index\.html$/);
    await page.screenshot({ path: join(artifacts, 'switcher-nl.png'), fullPage: true });

    await page.click('nav.languages a[hreflang="fr"]');
    await page.waitForLoadState();
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.match(page.url(), /\/fr\/index\.html$/);
    await page.screenshot({ path: join(artifacts, 'switcher-fr.png'), fullPage: true });
  } finally {
    await page.close();
  }
});

test('an article offers only the languages it is published in', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  try {
    await page.goto(pageUrl('fr/news/vingt-ans-loi-extraterritoriale.html'));
    const offered = await page.$$eval('nav.languages a', (links) => links.map((a) => a.hreflang));
    assert.deepEqual(offered, ['fr', 'nl']);
    await page.click('nav.languages a[hreflang="nl"]');
    await page.waitForLoadState();
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    assert.match(await page.textContent('h1'), /Twintig jaar/);
  } finally {
    await page.close();
  }
});

test('an Arabic page is laid out right to left, French fallbacks left to right', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  try {
    await page.goto(pageUrl('ar/news/formation-managers-accor.html'));
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    const direction = await page.$eval('h1', (h) => getComputedStyle(h).direction);
    assert.equal(direction, 'rtl');
    const fallback = await page.$eval('main p[lang="fr"]', (p) => getComputedStyle(p).direction);
    assert.equal(fallback, 'ltr');
    await page.screenshot({ path: join(artifacts, 'article-ar.png'), fullPage: true });
  } finally {
    await page.close();
  }
});
