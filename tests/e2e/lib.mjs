/*
 * lib.mjs: what the end-to-end tests share. scripts/e2e.sh starts the
 * server and passes everything through the environment:
 *   GK_E2E_URL       base URL of the running `gongkai serve`
 *   GK_E2E_CODE      tracking code of an open case
 *   GK_E2E_AGENCY    code of an agency in the database
 *   GK_E2E_PASSWORD  password of the accounts e2e-admin, e2e-head, e2e-handler
 *   GK_E2E_SHOTS     directory for screenshots
 *   GK_E2E_CHROMIUM  the Chromium binary (Debian's /usr/bin/chromium)
 *   GK_E2E_PROFILES  directory for fresh --user-data-dir profiles
 */
import assert from 'node:assert/strict';
import { mkdtempSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

function env(name) {
    const v = process.env[name];
    if (!v) throw new Error(`${name} is not set: run the tests through scripts/e2e.sh`);
    return v;
}

export const BASE = env('GK_E2E_URL');
export const CODE = env('GK_E2E_CODE');
export const AGENCY = env('GK_E2E_AGENCY');
export const PASSWORD = env('GK_E2E_PASSWORD');
export const SOURCE = env('GK_SOURCE_DIR');

/* The flags the brief asks for; the profile is fresh for every browser. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/* Launches Chromium with a fresh --user-data-dir (playwright passes it for
 * a persistent context) and returns { context, page, problems }: problems
 * collects console errors, uncaught page errors and CSP violations, which
 * every test expects to stay empty. */
export async function launch(viewport = { width: 1280, height: 800 }) {
    const dir = mkdtempSync(join(env('GK_E2E_PROFILES'), 'profile-'));
    const context = await chromium.launchPersistentContext(dir, {
        executablePath: env('GK_E2E_CHROMIUM'),
        headless: true,
        args: FLAGS,
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
    });
    context.setDefaultTimeout(15000);
    const page = context.pages()[0] ?? await context.newPage();
    const problems = [];
    /* A failed subresource is reported by its URL; the console's generic
     * "Failed to load resource" line would not say which. The document's
     * own status is checked by visit(); the icon too (the site has one). */
    page.on('console', (m) => {
        if (m.type() === 'error' && !/^Failed to load resource/.test(m.text()))
            problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('response', (r) => {
        const req = r.request();
        if (r.status() >= 400 && req.resourceType() !== 'document')
            problems.push(`${r.status()} ${req.method()} ${req.url()}`);
    });
    return { context, page, problems };
}

/* Goes to path and checks the HTTP status (200 unless told). */
export async function visit(page, path, status = 200) {
    const resp = await page.goto(BASE + path);
    assert.equal(resp.status(), status, `GET ${path}`);
    return resp;
}

/* A screenshot of the viewport into GK_E2E_SHOTS/<name>.png, under 300 KB. */
export async function shot(page, name, opts = {}) {
    const file = join(env('GK_E2E_SHOTS'), `${name}.png`);
    await page.screenshot({ path: file, ...opts });
    const size = statSync(file).size;
    assert.ok(size < 300 * 1024, `${name}.png is ${size} bytes (limit 300 KB)`);
    return file;
}

/* Signs in through the login form and checks the console opened. */
export async function login(page, name) {
    await visit(page, '/login');
    await page.fill('input[name=name]', name);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('form.stack button[type=submit]')]);
    assert.match(await page.locator('header.site').innerText(), new RegExp(`退出（${name}）`));
}

export async function logout(page) {
    await Promise.all([page.waitForNavigation(), page.click('header.site form[action="/logout"] button')]);
    assert.match(await page.locator('header.site').innerText(), /工作人员登录/);
}

/* Whether the server has a route: anything but 404 (asked without a browser). */
export async function hasRoute(path, method = 'GET') {
    const r = await fetch(BASE + path, { method, redirect: 'manual' });
    return r.status !== 404;
}

/* The page's text without runs of whitespace. */
export async function text(page, selector = 'main') {
    return (await page.locator(selector).innerText()).replace(/\s+/g, ' ');
}
