/*
 * reports.test.mjs: the report check and report view forms in a browser:
 * a published report uploaded through the file input is checked (the
 * seed's known finding appears), a hostile file name comes back as text,
 * and the official table layout is shown for an uploaded report.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SOURCE, launch, shot, text, visit } from './lib.mjs';

const SEED = join(SOURCE, 'tests/resources/seed-2024.json');
const REAL = join(SOURCE, 'tests/resources/corpus/real/021_shuyang_drc_2023.html');

describe('report check and view', () => {
    let b;
    before(async () => { b = await launch(); });
    after(async () => { await b?.context.close(); });

    it('checks an uploaded report and lists its findings', async () => {
        await visit(b.page, '/check');
        await b.page.setInputFiles('input[name=file]', SEED);
        await Promise.all([b.page.waitForURL('**/check'), b.page.click('main button[type=submit]')]);
        assert.match(await b.page.locator('h1').innerText(), /检查结果/);
        const t = await text(b.page);
        assert.match(t, /文件：seed-2024\.json/);
        assert.match(t, /错误 \d+ 警告 \d+ 提示 \d+/);
        assert.match(t, /NARR\.T3_RECEIVED/);
        const rows = await b.page.locator('table.findings tbody tr').count();
        assert.ok(rows >= 1, `finding rows: ${rows}`);
        assert.deepEqual(b.problems, []);
        await shot(b.page, 'check-result', { fullPage: true });
    });

    it('checks a real published report pasted as text', async () => {
        await visit(b.page, '/check');
        await b.page.fill('textarea[name=text]', readFileSync(REAL, 'utf8'));
        await Promise.all([b.page.waitForURL('**/check'), b.page.click('main button[type=submit]')]);
        const t = await text(b.page);
        assert.match(t, /年度：2023/);
        assert.match(t, /CELL\.BLANK/);
    });

    it('shows a hostile file name as text, never as markup', async () => {
        await visit(b.page, '/check');
        const name = '<img src=x onerror=alert(1)>.json';
        await b.page.setInputFiles('input[name=file]', { name, mimeType: 'application/json', buffer: readFileSync(SEED) });
        let dialog = false;
        b.page.on('dialog', async (d) => { dialog = true; await d.dismiss(); });
        await Promise.all([b.page.waitForURL('**/check'), b.page.click('main button[type=submit]')]);
        assert.match(await text(b.page), /文件：<img src=x onerror=alert\(1\)>\.json/);
        assert.equal(await b.page.locator('main img').count(), 0);
        assert.equal(dialog, false);
    });

    it('refuses an empty form with a readable error', async () => {
        await visit(b.page, '/check');
        const [resp] = await Promise.all([b.page.waitForResponse((r) => r.url().endsWith('/check') && r.request().method() === 'POST'),
            b.page.click('main button[type=submit]')]);
        assert.equal(resp.status(), 400);
        assert.match(await text(b.page), /请上传年度报告文件或粘贴报告内容/);
    });

    it('shows an uploaded report in the official table layout', async () => {
        await visit(b.page, '/report');
        await b.page.setInputFiles('form[action="/report"] input[name=file]', SEED);
        await Promise.all([b.page.waitForURL('**/report'), b.page.click('form[action="/report"] button[type=submit]')]);
        const t = await text(b.page);
        assert.match(t, /收到和处理政府信息公开申请情况/);
        assert.match(t, /本年新收政府信息公开申请数量/);
        assert.ok(await b.page.locator('table').count() >= 3, 'the report tables');
        /* The screenshot shows table 3 (applications), the widest one. */
        await b.page.locator('table', { hasText: '本年新收政府信息公开申请数量' }).first().scrollIntoViewIfNeeded();
        await b.page.evaluate(() => window.scrollBy(0, -70));
        await shot(b.page, 'report-view');
    });

    /* The embedded renderer output sets column widths with classes of
     * /static/report.css (no style= attribute, which the page's CSP,
     * style-src 'self', would block). */
    it('the report view breaks no CSP rule', async () => {
        b.problems.length = 0;
        await visit(b.page, '/report');
        await b.page.setInputFiles('form[action="/report"] input[name=file]', SEED);
        await Promise.all([b.page.waitForURL('**/report'), b.page.click('form[action="/report"] button[type=submit]')]);
        await b.page.waitForLoadState('load');
        await b.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
        assert.deepEqual(b.problems.map((p) => p.slice(0, 80)), []);
        /* The widths apply: table 3's 内容 column is 42% of the table. */
        const share = await b.page.evaluate(() => {
            const t = document.querySelector('article.report table.table3');
            const c = t.querySelectorAll('col')[2];
            return c.getBoundingClientRect().width / t.getBoundingClientRect().width;
        });
        assert.ok(Math.abs(share - 0.42) < 0.02, `table 3 column 3 is ${(share * 100).toFixed(1)}% wide`);
    });
});
