// Checks of a built site in the tools that browsers and validators are:
// the W3C Nu HTML checker on every page, axe-core in headless Chromium on
// a few pages, and a visitor following the language switcher; and of the
// team's pages in SITE_DIR/status (the status page and the review
// pages): valid, accessible, readable at phone width, their links and
// their sorting at work, with screenshots.
//
// Run by "make check-browser", which builds the fixture site and the
// status pages of the bundled catalogs (with a few faults) first:
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

// A new tab of WIDTH x HEIGHT CSS pixels: a persistent context's
// newPage() takes no options, so the viewport is set on the page.
async function openPage(width = 1280, height = 800) {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height });
  return page;
}

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
  'ar/index.html',
  'en/news/vingt-ans-loi-extraterritoriale.html',
  'nl/tags/toerisme.html',
  'status/index.html',
  'status/nl/campagne-i-say-stop-sur-les-routes.html',
  'status/nl/mineurs-etrangers-non-accompagnes.html',
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
  const page = await openPage(1000, 900);
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
  const page = await openPage(1000, 1400);
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
  const page = await openPage(1000, 1400);
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

// Screenshots of the pages a reader meets most, on a phone and on a
// desktop: the home page, an article with passages in French, an article
// right to left.  tests/browser/artifacts/shot-WIDTH-PAGE.png.
const shots = [
  ['home-en', 'en/index.html'],
  ['article-fallback-en', 'en/news/campagne-i-say-stop-sur-les-routes.html'],
  ['article-rtl-ar', 'ar/news/formation-managers-accor.html'],
  ['unavailable-en', 'en/news/vingt-ans-loi-extraterritoriale.html'],
];
for (const width of [360, 1280]) {
  test(`screenshots at ${width} px: nothing wider than the screen`, async () => {
    const page = await openPage(width, 800);
    try {
      for (const [name, path] of shots) {
        await page.goto(pageUrl(path));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} at ${width} px is ${overflow} px wider than the screen`);
        await page.screenshot({ path: join(artifacts, `shot-${width}-${name}.png`), fullPage: true });
      }
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(pageUrl('en/index.html'));
      await page.screenshot({ path: join(artifacts, `shot-${width}-home-en-dark.png`), fullPage: true });
    } finally {
      await page.close();
    }
  });
}

// Every picture has its width and height, so that the page keeps its room
// while pictures load: the layout shifts Chromium measures while a page
// loads with its pictures held back, then let through, add up to nothing.
test('no layout shift while pictures load', async () => {
  const pages = ['en/index.html', 'nl/news.html', 'en/news/campagne-i-say-stop-sur-les-routes.html',
    'ar/news/formation-managers-accor.html', 'fr/tags/tourisme.html'];
  const pictures = /\.(jpe?g|png|webp|svg)$/;
  for (const width of [360, 1280]) {
    for (const path of pages) {
      const page = await openPage(width, 800);
      try {
        const held = [];
        await page.route(pictures, (route) => { held.push(route); });
        await page.addInitScript(() => {
          window.__shift = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) window.__shift += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(pageUrl(path), { waitUntil: 'domcontentloaded' });
        const missing = await page.$$eval('img', (imgs) => imgs
          .filter((i) => !i.getAttribute('width') || !i.getAttribute('height'))
          .map((i) => i.getAttribute('src')));
        assert.deepEqual(missing, [], `${path}: pictures without width and height`);
        await page.waitForTimeout(200);
        assert.ok(held.length > 0, `${path}: no picture was held back`);
        for (const route of held.splice(0)) await route.continue();
        await page.unroute(pictures, undefined);
        await page.evaluate(() => Promise.all([...document.images]
          .filter((i) => i.loading !== 'lazy').map((i) => i.decode().catch(() => {}))));
        await page.mouse.wheel(0, 3000);
        await page.waitForTimeout(300);
        const shift = await page.evaluate(() => window.__shift);
        assert.ok(shift < 0.01, `${path} at ${width} px: layout shift ${shift}`);
      } finally {
        await page.close();
      }
    }
  }
});

test('a passage in French has a mark that explains itself on keyboard focus', async () => {
  const page = await openPage(360, 800);
  try {
    await page.goto(pageUrl('en/news/campagne-i-say-stop-sur-les-routes.html'));
    assert.equal(await page.locator('p.notice').count(), 1, 'one notice at most');
    const notice = await page.textContent('p.notice');
    assert.match(notice, /neither complete nor quite up to date/);
    const noticeBox = await page.locator('p.notice').boundingBox();
    assert.ok(noticeBox.height < 100, `the notice takes ${noticeBox.height} px of a phone's screen`);
    const mark = page.locator('main p[lang="fr"] .fallback-mark').first();
    const tip = mark.locator('.fallback-tip');
    assert.ok((await tip.boundingBox()).width <= 1, 'the explanation is hidden at first');
    await page.keyboard.press('Tab');
    await mark.focus();
    const box = await tip.boundingBox();
    assert.ok(box.width > 50, 'the explanation shows on focus');
    assert.equal(await tip.textContent(), 'Not translated yet: shown in French.');
    assert.equal(await mark.getAttribute('lang'), 'en');
    await page.screenshot({ path: join(artifacts, 'fallback-mark-focus.png') });
  } finally {
    await page.close();
  }
});

test('social and search data: Open Graph in the page language, NewsArticle JSON-LD', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(pageUrl('nl/news/formation-managers-accor.html'));
    const og = await page.$$eval('meta[property^="og:"]', (m) => m.map((e) => [e.getAttribute('property'), e.content]));
    const get = (k) => og.filter(([p]) => p === k).map(([, v]) => v);
    assert.deepEqual(get('og:locale'), ['nl']);
    assert.deepEqual(get('og:locale:alternate').sort(), ['ar', 'en', 'fr']);
    assert.match(get('og:image')[0], /^https:\/\/www\.ecpat\.be\/images\/formation-accor\.jpg$/);
    const json = JSON.parse(await page.textContent('script[type="application/ld+json"]'));
    assert.equal(json['@type'], 'NewsArticle');
    assert.equal(json.inLanguage, 'nl');
    assert.equal(json.headline, (await page.textContent('h1')).trim());
    const scripts = await page.evaluate(() => [...document.scripts].filter((s) => s.type !== 'application/ld+json').length);
    assert.equal(scripts, 0, 'no script that runs');
  } finally {
    await page.close();
  }
});

test('the print style leaves out the menus and prints addresses after links', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(pageUrl('en/news/campagne-i-say-stop-sur-les-routes.html'));
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.$eval('.nav-bar', (e) => getComputedStyle(e).display), 'none');
    const after = await page.$eval('.prose a[href^="https"]', (a) => getComputedStyle(a, '::after').content);
    assert.match(after, /https:/);
  } finally {
    await page.close();
  }
});

// The team's pages, as a coordinator and a volunteer use them.
const desktop = { width: 1280, height: 900 };
const phone = { width: 400, height: 860 };

// Screenshots (doc/images/ has copies): the top of each page, and on a
// phone the status page's Dutch articles, SHOT being where it scrolls.
for (const [name, path, needsWork, shot] of [
  ['status', 'status/index.html', false, 'section#lang-nl h3'],
  ['review', 'status/nl/mineurs-etrangers-non-accompagnes.html', true, null],
]) {
  test(`the ${name} page fits a computer and a phone (400 px) without scrolling sideways`, async () => {
    for (const [device, viewport] of [['desktop', desktop], ['phone', phone]]) {
      const page = await openPage(viewport.width, viewport.height);
      try {
        await page.goto(pageUrl(path));
        const wider = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(wider <= 0, `${path} is ${wider} px wider than a ${viewport.width} px screen`);
        if (needsWork) {
          // What a translator looks at first: the messages that need work.
          await page.check('#only-work');
          assert.equal(await page.locator('li.unit.translated:not(.problem)').first().isVisible(), false);
          assert.equal(await page.locator('li.unit.fuzzy').first().isVisible(), true);
        }
        if (shot && device === 'phone') await page.locator(shot).first().evaluate((e) => e.scrollIntoView());
        await page.screenshot({ path: join(artifacts, `${name}-${device}.png`) });
      } finally {
        await page.close();
      }
    }
  });
}

test('the status page sorts its articles by a column', async () => {
  const page = await openPage(desktop.width, desktop.height);
  try {
    await page.goto(pageUrl('status/index.html'));
    const table = page.locator('section#lang-nl table.sortable');
    const column = async () => table.locator('tbody tr td[data-label="Words to translate"]')
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-sort') ?? c.textContent)));
    await table.getByRole('button', { name: 'Words to translate' }).click();
    const up = await column();
    assert.deepEqual(up, [...up].sort((a, b) => a - b));
    await table.getByRole('button', { name: 'Words to translate' }).click();
    const down = await column();
    assert.deepEqual(down, [...up].reverse());
    assert.ok(down[0] > 0, 'an article still needs words');
  } finally {
    await page.close();
  }
});

test('a problem on the status page leads to its message on the review page', async () => {
  const page = await openPage(desktop.width, desktop.height);
  try {
    await page.goto(pageUrl('status/index.html'));
    const link = page.locator('section#lang-nl ul.problems li.rejected a').first();
    const where = await link.textContent();
    assert.match(where, /^po\/nl\.po:\d+$/);
    await link.click();
    await page.waitForLoadState();
    assert.match(page.url(), /\/status\/nl\/campagne-i-say-stop-sur-les-routes\.html#m[0-9a-f]{16}$/);
    const unit = page.locator('li.unit:target');
    assert.equal(await unit.getAttribute('class'), 'unit rejected');
    assert.match(await unit.textContent(), /Rejected: /);
  } finally {
    await page.close();
  }
});
