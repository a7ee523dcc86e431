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
            if (['home', 'guide', 'status-form', 'check-form', 'login'].includes(name))
                await shot(b.page, name, { fullPage: true });
        });
    }

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
        assert.deepEqual(Object.keys(j.case).sort(), ['code', 'due', 'open', 'received', 'stage', 'state']);
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
