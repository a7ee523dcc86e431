/*
 * public.test.mjs: the public pages in a real browser: they render with
 * the stylesheet under the strict CSP (no console error, no violation),
 * work without JavaScript and on a phone-sized screen, and the status
 * lookup shows the stage and deadline of a known code and refuses unknown
 * and malformed ones without showing anything else.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BASE, CODE, launch, shot, text, visit } from './lib.mjs';

const PAGES = [
    ['/', 'home', /政府信息公开/],
    ['/guide', 'guide', /指南/],
    ['/status', 'status-form', /办理进度查询/],
    ['/check', 'check-form', /年度报告检查/],
    ['/report', 'report-form', /按官方式样查看年度报告/],
    ['/login', 'login', /工作人员登录/],
    ['/catalogue', 'catalogue', /政府信息公开目录/],
];

describe('public pages', () => {
    let b;
    before(async () => { b = await launch(); });
    after(async () => { await b?.context.close(); });

    for (const [path, name, heading] of PAGES) {
        it(`${path} renders with the stylesheet and no console error`, async () => {
            const resp = await visit(b.page, path);
            const csp = resp.headers()['content-security-policy'] ?? '';
            assert.match(csp, /default-src 'self'/);
            assert.match(await b.page.locator('h1').first().innerText(), heading);
            assert.equal(await b.page.getAttribute('html', 'lang'), 'zh-CN');
            /* app.css was loaded and applied (not blocked by the CSP). */
            const rules = await b.page.evaluate(() => [...document.styleSheets]
                .reduce((n, s) => n + s.cssRules.length, 0));
            assert.ok(rules > 10, `stylesheet rules: ${rules}`);
            assert.deepEqual(b.problems, []);
            /* 网上申请 and 办理进度查询 in the header of every public page. */
            const nav = await b.page.locator('header.site nav').innerText();
            assert.match(nav, /网上申请/);
            assert.match(nav, /办理进度查询/);
            if (['home', 'guide', 'status-form', 'check-form', 'login'].includes(name))
                await shot(b.page, name, { fullPage: true });
        });
    }

    it('the catalogue: a category, a Chinese search and an item with its 索引号', async () => {
        await visit(b.page, '/catalogue');
        const cats = b.page.locator('nav.categories a');
        assert.ok(await cats.count() > 2, 'categories listed');
        /* A two-character search (the instr() path) and a longer one (FTS5). */
        for (const q of ['预算', '部门预算']) {
            await b.page.fill('input[name=q]', q);
            await Promise.all([b.page.waitForLoadState('load'), b.page.click('form.filters button[type=submit]')]);
            const rows = b.page.locator('table.catalogue tbody tr', { hasText: q });
            assert.ok(await rows.count() > 0, `results for ${q}`);
        }
        await shot(b.page, 'catalogue', { fullPage: false });
        await Promise.all([b.page.waitForLoadState('load'), b.page.locator('table.catalogue tbody a').first().click()]);
        const t = await text(b.page);
        assert.match(t, /索引号 [0-9A-Z-]+\/\d{4}-\d{5}/);
        assert.match(t, /有效性 (有效|失效|废止)/);
        assert.match(t, /发布日期 \d{4}-\d{2}-\d{2}/);
        assert.deepEqual(b.problems, []);
        await shot(b.page, 'catalogue-item', { fullPage: false });
    });

    it('every link of the home page leads to a page (no 404)', async () => {
        await visit(b.page, '/');
        const hrefs = await b.page.$$eval('a[href^="/"]', (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
        assert.ok(hrefs.length >= 4, `links: ${hrefs}`);
        for (const h of hrefs) {
            const r = await fetch(BASE + h, { redirect: 'manual' });
            assert.ok(r.status === 200 || r.status === 303, `${h}: ${r.status}`);
        }
    });

    it('status lookup by code shows stage and due date, nothing personal', async () => {
        await visit(b.page, '/status');
        await b.page.fill('input[name=code]', CODE);
        await Promise.all([b.page.waitForURL(/\/status\?code=/), b.page.click('main button[type=submit]')]);
        const t = await text(b.page);
        assert.match(t, new RegExp(`查询码 ${CODE}`));
        assert.match(t, /办理阶段 \S+/);
        assert.match(t, /收到申请日期 \d{4}-\d{2}-\d{2}/);
        assert.match(t, /答复期限 \d{4}-\d{2}-\d{2}（依《政府信息公开条例》第三十三条/);
        assert.doesNotMatch(t, /申请人|联系方式|身份证/);
        await shot(b.page, 'status-result');
    });

    it('status lookup refuses an unknown and a malformed code', async () => {
        const unknown = CODE.startsWith('Z') ? 'YYYYYYYYYYYY' : 'ZZZZZZZZZZZZ';
        await visit(b.page, `/status?code=${unknown}`, 404);
        assert.match(await text(b.page), /未找到该查询码对应的申请/);
        await visit(b.page, '/status?code=%3Cscript%3E', 400);
        const t = await text(b.page);
        assert.match(t, /查询码应为 12 位字母或数字/);
        assert.doesNotMatch(await b.page.content(), /<script>/);
        assert.deepEqual(b.problems, []);
    });

    it('the JSON API answers the same lookup', async () => {
        const r = await fetch(`${BASE}/api/v1/status/${CODE}`);
        assert.equal(r.status, 200);
        const j = await r.json();
        assert.equal(j.case.code, CODE);
        assert.equal(j.case.open, true);
        assert.match(j.case.due, /^\d{4}-\d{2}-\d{2}$/);
        /* Nothing personal; a due date counted in a year without holiday
         * data says so (provisional, provisional_note: calendar.h). */
        const keys = Object.keys(j.case).filter((k) => !/^provisional(_note)?$/.test(k)).sort();
        assert.deepEqual(keys, ['code', 'due', 'open', 'received', 'stage', 'state']);
        assert.equal(j.case.provisional ?? false, 'provisional_note' in j.case);
    });
});

describe('on a phone, without JavaScript', () => {
    let b;
    before(async () => { b = await launch({ width: 375, height: 740 }); });
    after(async () => { await b?.context.close(); });

    it('no page is wider than the screen', async () => {
        for (const [path] of PAGES) {
            await visit(b.page, path);
            const [sw, iw] = await b.page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
            assert.ok(sw <= iw, `${path}: content ${sw}px wide on a ${iw}px screen`);
        }
        await visit(b.page, '/');
        await shot(b.page, 'home-phone', { fullPage: true });
    });

    it('the status lookup works with JavaScript disabled', async () => {
        const page = await b.context.newPage();
        const cdp = await b.context.newCDPSession(page);
        await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
        await page.goto(`${BASE}/status`);
        await page.fill('input[name=code]', CODE);
        await Promise.all([page.waitForURL(/\/status\?code=/), page.click('main button[type=submit]')]);
        assert.match(await text(page), new RegExp(`查询码 ${CODE}`));
        await page.close();
    });
});
