/*
 * flow.test.mjs: the whole path of one application through the system
 * (issue 6, "What it must show"), in two browsers: an applicant applies
 * online and gets a tracking code; a 负责人 signs in, requests 补正
 * (第三十条), receives it, decides 部分公开 and serves the reply (the
 * notice is previewed and downloaded); the applicant sees the concluded
 * stage; the annual report of that year counts the case once more in
 * table 3's 本年新收 and （二）部分公开 rows, 自然人 column (and nowhere
 * else changes but 总计). Each step runs only after the previous passed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { AGENCY, BASE, CODE, hasRoute, launch, login, shot, text, visit } from './lib.mjs';

const NEEDS = [['/apply'], ['/staff/cases'], ['/staff/reports'], ['/staff/cases/X/notice']];
const missing = [];
for (const [p] of NEEDS) if (!(await hasRoute(p))) missing.push(p);
const skip = missing.length ? `pages not built yet: ${missing.join(', ')}` : false;

const APPLICANT = '李四';
const TITLE = '某某路改造工程立项批复';

/* Table 3 of year for the agency, from the API as the signed-in page sees it. */
async function table3(page, year) {
    await visit(page, '/staff'); /* fetch from a page of the console's own CSP */
    return page.evaluate(async ([y, a]) => {
        const r = await fetch(`/api/v1/reports?year=${y}&agency=${encodeURIComponent(a)}`);
        if (r.status !== 200) return { status: r.status };
        const j = await r.json();
        return (j.report ?? j).applications;
    }, [year, AGENCY]);
}

/* Opens the action form of the case page whose action ends with slug,
 * fills it and submits; returns the response of the POST. */
async function act(page, slug, fill = async () => {}) {
    const form = page.locator(`form[action$="/${slug}"]`);
    assert.equal(await form.count(), 1, `the ${slug} form is offered`);
    await form.locator('xpath=ancestor::details').locator('summary').click();
    await fill(form);
    const [resp] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/${slug}`) && r.request().method() === 'POST'),
        form.locator('button[type=submit]').click(),
    ]);
    await page.waitForLoadState('load');
    return resp;
}

describe('an application from the form to the annual report', { skip }, () => {
    let applicant, staff;
    let code, received, year, before3;

    before(async () => {
        applicant = await launch({ width: 1280, height: 900 });
        staff = await launch({ width: 1280, height: 900 });
        /* Table 3 of this year before the application, to compare at the end. */
        await login(staff.page, 'e2e-head');
        /* The server's today: the default date of an action form. */
        await visit(staff.page, `/staff/cases/${CODE}`);
        const today = await staff.page.locator('form input[name=date]').first().inputValue();
        year = Number(today.slice(0, 4));
        before3 = await table3(staff.page, year);
        assert.ok(before3?.R_PARTIAL, `report API: ${JSON.stringify(before3)}`);
    });
    after(async () => {
        await applicant?.context.close();
        await staff?.context.close();
    });

    it('the applicant applies online and gets a tracking code', async () => {
        const page = applicant.page;
        await visit(page, '/apply');
        await page.selectOption('select[name=agency]', AGENCY);
        await page.fill('input[name=applicant]', APPLICANT);
        await page.fill('input[name=id_number]', '11010519491231002X');
        await page.fill('input[name=phone]', '13800138000');
        await page.fill('input[name=email]', 'lisi@example.com');
        await page.fill('input[name=title]', TITLE);
        await page.fill('textarea[name=description]', '2025 年批复的文件全文');
        await shot(page, 'apply-form', { fullPage: true });
        await Promise.all([page.waitForLoadState('load'), page.click('main form button[type=submit]')]);
        if (!/申请已提交/.test(await page.locator('h1').innerText())) {
            const errs = await page.locator('[role=alert]').allInnerTexts();
            assert.fail(`the application was refused: ${errs.join(' | ')}`);
        }
        code = (await page.locator('strong.code').innerText()).trim();
        assert.match(code, /^[A-Z2-9]{12}$/);
        const t = await text(page);
        received = t.match(/收到申请日期 (\d{4}-\d{2}-\d{2})/)?.[1];
        assert.ok(received, `receipt date in: ${t}`);
        assert.equal(Number(received.slice(0, 4)), year, 'received this year');
        assert.match(t, /答复期限 \d{4}-\d{2}-\d{2} 前/);
        assert.deepEqual(applicant.problems, []);
        await shot(page, 'apply-done');
    });

    it('the status page shows the new application', async () => {
        assert.ok(code, 'applied');
        await visit(applicant.page, `/status?code=${code}`);
        const t = await text(applicant.page);
        assert.match(t, new RegExp(`收到申请日期 ${received}`));
        assert.doesNotMatch(t, new RegExp(APPLICANT));
    });

    it('a 负责人 signs in and finds the case in the list, name masked', async () => {
        assert.ok(code, 'applied');
        await visit(staff.page, '/staff/cases');
        const row = staff.page.locator('tr', { hasText: code });
        assert.equal(await row.count(), 1, 'the case is listed');
        const r = (await row.innerText()).replace(/\s+/g, ' ');
        assert.doesNotMatch(r, new RegExp(APPLICANT), 'the list masks the name');
        await shot(staff.page, 'staff-cases', { fullPage: false });
        await visit(staff.page, `/staff/cases/${code}`);
        const t = await text(staff.page);
        assert.match(t, new RegExp(APPLICANT));
        assert.match(t, new RegExp(TITLE));
        /* The ID number and the phone masked until asked for. */
        assert.doesNotMatch(t, /11010519491231002X|13800138000/);
        assert.match(t, /110\*+2X/);
        await shot(staff.page, 'staff-case', { fullPage: false });
    });

    it('显示完整信息 shows the ID number once and records who saw it', async () => {
        assert.ok(code, 'applied');
        const page = staff.page;
        const [r] = await Promise.all([
            page.waitForResponse((x) => x.url().endsWith('/reveal') && x.request().method() === 'POST'),
            page.click('form[action$="/reveal"] button[type=submit]'),
        ]);
        assert.equal(r.status(), 200);
        await page.waitForLoadState('load');
        const t = await text(page);
        assert.match(t, /11010519491231002X/);
        assert.match(t, /13800138000/);
        assert.match(t, /查看完整个人信息 .*e2e-head 记录于/);
        /* Nothing personal went into a URL. */
        assert.doesNotMatch(page.url(), /1101|1380/);
        await visit(page, `/staff/cases/${code}`);
        assert.doesNotMatch(await text(page), /11010519491231002X/);
        assert.deepEqual(staff.problems, []);
    });

    it('requests 补正 and records the corrected application', async () => {
        assert.ok(code, 'applied');
        const page = staff.page;
        const r1 = await act(page, 'correction');
        assert.equal(r1.status(), 303, 'correction accepted');
        assert.match(await text(page), /补正/);
        const r2 = await act(page, 'corrected');
        assert.equal(r2.status(), 303, 'corrected accepted');
        const t = await text(page);
        assert.match(t, /答复期限 \d{4}-\d{2}-\d{2}/);
        assert.deepEqual(staff.problems, []);
    });

    it('decides 部分公开 and serves the reply', async () => {
        assert.ok(code, 'applied');
        const page = staff.page;
        const r = await act(page, 'answer', async (form) => {
            await form.locator('select[name=outcome]').selectOption('R_PARTIAL');
        });
        assert.equal(r.status(), 303, 'answer accepted');
        const t = await text(page);
        assert.match(t, /办理结果 .*部分公开/);
        assert.match(t, /办结（送达）日期 \d{4}-\d{2}-\d{2}/);
        assert.match(t, /办理记录 .*e2e-head/);
        await shot(page, 'staff-case-answered', { fullPage: false });
        /* The reply notice of the decision: previewed as HTML, downloaded
         * as DOCX, both from the notice form of the case page. */
        const form = page.locator('form[action$="/notice"]');
        assert.equal(await form.count(), 1, 'the notice form is offered');
        const kinds = await form.locator('select[name=kind] option').allInnerTexts();
        const kind = kinds.find((k) => /部分公开/.test(k));
        assert.ok(kind, `a notice for 部分公开 among: ${kinds.join(' | ')}`);
        await form.locator('select[name=kind]').selectOption({ label: kind });
        /* What the register cannot know: the staff member writes it. */
        const fill = async () => {
            await form.locator('[name=decision_text]').fill('经审查，现将可以公开的部分以电子邮件方式提供。');
            await form.locator('[name=reasons]').fill('文件中涉及第三方商业秘密的内容不予公开（条例第十五条）。');
            await form.locator('[name=review_body]').fill('某市人民政府');
        };
        await fill();
        const [preview] = await Promise.all([
            /* A POST: the reasons never appear in a URL. */
            page.waitForResponse((r) => r.url().endsWith('/notice') && r.request().method() === 'POST' &&
                (r.request().postData() ?? '').includes('format=html')),
            form.locator('button[value=html]').click(),
        ]);
        await page.waitForLoadState('load');
        const body = await page.locator('body').innerText();
        assert.equal(preview.status(), 200, body.replace(/\s+/g, ' ').slice(0, 600));
        assert.match(body, new RegExp(APPLICANT));
        /* 部分公开 is 第三十七条's 区分处理, with the reasons for the rest. */
        assert.match(body, /能够作区分处理/);
        assert.match(body, /第三十七条/);
        assert.match(body, /理由如下：文件中涉及第三方商业秘密/);
        assert.match(body, new RegExp(`申请编号：[^）]*）`));
        await shot(page, 'notice-preview');
        await page.goBack();
        await form.locator('select[name=kind]').selectOption({ label: kind });
        await fill();
        const [download] = await Promise.all([page.waitForEvent('download'), form.locator('button[value=docx]').click()]);
        const file = await download.path();
        const head = readFileSync(file).subarray(0, 2);
        assert.deepEqual([...head], [0x50, 0x4b], `a ZIP (DOCX) file: ${download.suggestedFilename()}`);
        assert.match(download.suggestedFilename(), /\.docx$/);
    });

    it('the applicant sees the concluded stage', async () => {
        assert.ok(code, 'applied');
        await visit(applicant.page, `/status?code=${code}`);
        const t = await text(applicant.page);
        assert.match(t, /答复送达日期 \d{4}-\d{2}-\d{2}/);
        assert.doesNotMatch(t, /答复期限/);
        const j = await (await fetch(`${BASE}/api/v1/status/${code}`)).json();
        assert.equal(j.case.open, false);
        await shot(applicant.page, 'status-concluded');
    });

    it('the annual report counts the case in 本年新收 and （二）部分公开', async () => {
        assert.ok(code && before3, 'applied and measured');
        const now = await table3(staff.page, year);
        const diff = {};
        for (const [row, v] of Object.entries(now)) {
            const d = v.map((x, i) => x - (before3[row]?.[i] ?? 0));
            if (d.some((x) => x !== 0)) diff[row] = d;
        }
        /* Natural person column (0) and the total (6), nothing else; the
         * case was received and concluded this year, so CARRIED_OUT is
         * unchanged. R_TOTAL is the sum of the result rows. */
        assert.deepEqual(diff, {
            NEW: [1, 0, 0, 0, 0, 0, 1],
            R_PARTIAL: [1, 0, 0, 0, 0, 0, 1],
            R_TOTAL: [1, 0, 0, 0, 0, 0, 1],
        });
        await visit(staff.page, `/staff/reports?year=${year}&agency=${encodeURIComponent(AGENCY)}`);
        const row = staff.page.locator('article.report tr', { hasText: '部分公开（区分处理的' }).first();
        const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
        assert.equal(cells[cells.length - 1], String(now.R_PARTIAL[6]), `row: ${cells}`);
        await row.scrollIntoViewIfNeeded();
        await staff.page.evaluate(() => window.scrollBy(0, -200));
        await shot(staff.page, 'staff-report');
    });
});
