/**
 * The HTML report in a real headless browser (Debian's chromium driven by playwright-core): it loads
 * without console errors or network requests, the filters hide rows, and a screenshot is written to
 * test/artifacts/ (gitignored; CI can keep it as an artefact).
 *
 * Needs chromium: `apt-get install -y chromium` (or CHROMIUM_PATH). Without it the test is skipped
 * locally and FAILS when CI is set, so the browser check cannot silently disappear from CI.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assess } from '../src/report/assessment.js';
import { htmlReporter } from '../src/report/reporters/html.js';
import { hostileResult, projectAssessment, reporterOptions, ROOT } from './report-fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = Boolean(process.env.CI) && !['0', 'false'].includes(process.env.CI!.toLowerCase());
const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');

describe.runIf(HAVE_CHROMIUM || IN_CI)('HTML report in headless chromium', () => {
  let browser: Browser;
  let dir: string;
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) {
      throw new Error(`CI is set but chromium is missing at ${CHROMIUM}: install it in .ci/run with "apt-get install -y chromium" (or set CHROMIUM_PATH)`);
    }
    dir = await mkdtemp(path.join(os.tmpdir(), 'lsid-lint-html-'));
    for (const project of ['reporting-sync', 'outbound-webhook']) {
      const assessment = await projectAssessment(project);
      pages[project] = path.join(dir, `${project}.html`);
      await writeFile(pages[project], htmlReporter(assessment, reporterOptions(assessment)));
    }
    const hostile = assess(hostileResult(), '1.0.0');
    pages.hostile = path.join(dir, 'hostile.html');
    await writeFile(pages.hostile, htmlReporter(hostile, reporterOptions(hostile)));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Opens a report, recording console errors and warnings, page errors and every request but the page itself. */
  async function open(project: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const url = pathToFileURL(pages[project]!).href;
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (request.url() !== url) problems.push(`request: ${request.url()}`);
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, problems };
  }

  const visibleRows = (page: Page) => page.locator('#findings-table tbody tr:visible').count();

  it('loads without console errors or network requests, and writes a screenshot', async () => {
    const { page, problems } = await open('reporting-sync');
    expect(await page.title()).toBe('Bomgar 10.6 readiness: Blocked — lsid-lint');
    await expect.poll(() => page.locator('#verdict h1').textContent()).toBe('Blocked');
    expect(await page.locator('#checklist .item').count()).toBe(8);
    expect(await page.locator('svg.chart').count()).toBe(2);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'report.png') });
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-full.png'), fullPage: true });
    expect(existsSync(path.join(ARTIFACTS, 'report.png'))).toBe(true);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('filters rows by rule, text and suppression, and hides code frames', async () => {
    const { page, problems } = await open('reporting-sync');
    const count = page.locator('#filter-count');
    expect(await visibleRows(page)).toBe(12);
    await expect.poll(() => count.textContent()).toBe('12 of 13 findings shown');

    await page.selectOption('#filters select[name=rule]', 'lsid-numeric-type');
    expect(await visibleRows(page)).toBe(5);
    await expect.poll(() => count.textContent()).toBe('5 of 13 findings shown');

    await page.fill('#filters input[name=text]', 'migrations/');
    expect(await visibleRows(page)).toBe(2);

    await page.selectOption('#filters select[name=rule]', '');
    await page.fill('#filters input[name=text]', 'WAREHOUSE');
    expect(await visibleRows(page)).toBe(1);

    await page.fill('#filters input[name=text]', 'no such text anywhere');
    expect(await visibleRows(page)).toBe(0);
    expect(await page.locator('#filter-empty').isVisible()).toBe(true);

    await page.fill('#filters input[name=text]', '');
    await page.check('#filters input[name=suppressed]');
    expect(await visibleRows(page)).toBe(13);
    expect(await page.locator('#findings-table tr.is-suppressed').isVisible()).toBe(true);

    await page.uncheck('#filters input[name=frames]');
    expect(await page.locator('#findings-table pre.frame:visible').count()).toBe(0);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('reveals a filtered-out finding when its checklist evidence is followed', async () => {
    const { page, problems } = await open('outbound-webhook');
    expect(await visibleRows(page)).toBe(4);
    await page.fill('#filters input[name=text]', 'routes/');
    expect(await visibleRows(page)).toBe(2);
    const evidence = page.locator('[data-item="xml-namespace-aware"] details');
    await evidence.locator('summary').click();
    const link = evidence.locator('a').first();
    const target = (await link.getAttribute('href'))!.slice(1);
    await link.click();
    expect(await page.locator(`[id="${target}"]`).isVisible()).toBe(true);
    expect(await page.locator(`[id="${target}"]`).getAttribute('data-rule')).toBe('xml-literal-tag-match');
    await page.close();
    expect(problems).toEqual([]);
  });

  it('filters by severity and category, and runs nothing from hostile scanned text', async () => {
    const { page, problems } = await open('hostile');
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    expect(await page.locator('#filters select[name=severity] option').allTextContents()).toEqual(['All', 'error', 'warning', 'note']);
    expect(await visibleRows(page)).toBe(6);
    await page.selectOption('#filters select[name=severity]', 'warning');
    expect(await visibleRows(page)).toBe(1);
    await page.selectOption('#filters select[name=severity]', 'note');
    expect(await visibleRows(page)).toBe(2);
    await page.selectOption('#filters select[name=category]', 'xml-namespace');
    expect(await visibleRows(page)).toBe(1);
    await page.selectOption('#filters select[name=severity]', '');
    await page.selectOption('#filters select[name=category]', '');
    await page.fill('#filters input[name=text]', '<script>');
    expect(await visibleRows(page)).toBe(1);
    expect(await page.locator('#findings-table tbody tr:visible .msg').textContent()).toContain('<script>alert(1)</script>');
    expect(await page.locator('script').count()).toBe(1);
    await page.close();
    expect(problems).toEqual([]);
  });
});
