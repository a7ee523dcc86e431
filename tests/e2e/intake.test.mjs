/*
 * intake.test.mjs: the staff forms of the registers (issue 6, issue 4):
 * a 承办人 registers an application that came by registered post (条例第三十一条
 * 第（二）项: received the day the agency signed for it, 40 days ago), the
 * confirmation states the rule and the deadline, and the case appears on
 * the dashboard of overdue and due-soon cases with that deadline.
 * Screenshots of the new forms: intake, its confirmation, a new catalogue
 * item, the review and litigation register, table 2's figures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hasRoute, launch, login, logout, shot, text, visit } from './lib.mjs';

const NEEDS = ['/staff/intake', '/staff/catalogue/new', '/staff/review', '/staff/figures'];
const missing = [];
for (const p of NEEDS) if (!(await hasRoute(p))) missing.push(p);
const skip = missing.length ? `pages not built yet: ${missing.join(', ')}` : false;

/* A date n days before today in China, YYYY-MM-DD. */
function daysAgo(n) {
    const d = new Date(Date.now() + 8 * 3600 * 1000 - n * 86400 * 1000);
    return d.toISOString().slice(0, 10);
}

describe('staff registers a posted application', { skip }, () => {
    let b;
    let code = '';
    let due = '';
    const signed = daysAgo(40);

    before(async () => { b = await launch(); });
    after(async () => {
        assert.deepEqual(b.problems, []);
        await b.context.close();
    });

    it('the intake form registers it with the 第三十一条 rule and the deadline', async () => {
        const { page } = b;
        await login(page, 'e2e-handler');
        await visit(page, '/staff/intake');
        await page.selectOption('select[name=mode]', 'POST_SIGNED');
        await page.fill('input[name=arrival]', signed);
        await page.selectOption('select[name=applicant_type]', 'NATURAL');
        await page.fill('input[name=applicant]', '王小明');
        await page.selectOption('select[name=id_type]', 'ID_CARD');
        await page.fill('input[name=id_number]', '110105198001010016');
        await page.fill('input[name=phone]', '13912345678');
        await page.fill('input[name=address]', '某市某区某路 1 号');
        await page.fill('input[name=title]', '2025 年某路段拓宽工程的环境影响评价批复');
        await page.selectOption('select[name=method]', 'PAPER');
        await page.selectOption('select[name=route]', 'POST');
        await shot(page, 'staff-intake', { fullPage: true });
        await Promise.all([page.waitForURL(/\/staff\/intake$/), page.click('form.stack button[type=submit]')]);
        const t = await text(page);
        assert.match(t, /申请已登记/);
        assert.match(t, new RegExp(`收到申请日期 ${signed}`));
        assert.match(t, /以行政机关签收之日为收到申请之日/);
        code = (await page.locator('strong.code').innerText()).trim();
        assert.match(code, /^[A-Z2-9]{12}$/);
        const m = t.match(/答复期限 (\d{4}-\d{2}-\d{2})/);
        assert.ok(m, 'the deadline is shown');
        due = m[1];
        await shot(page, 'staff-intake-done');
    });

    it('the dashboard lists it with its deadline', async () => {
        const { page } = b;
        assert.ok(code, 'registered');
        await visit(page, '/staff/dashboard');
        const row = page.locator('table.cases tr', { has: page.locator(`a[href="/staff/cases/${code}"]`) });
        assert.equal(await row.count(), 1, 'the case is on the dashboard');
        const cells = (await row.innerText()).replace(/\s+/g, ' ');
        assert.ok(cells.includes(due), `row shows the deadline ${due}: ${cells}`);
        assert.ok(cells.includes(signed), 'and the receipt date');
        assert.ok(!cells.includes('王小明'), 'the name is masked');
    });

    it('the other new forms render', async () => {
        const { page } = b;
        await visit(page, '/staff/catalogue/new');
        assert.match(await text(page), /新建目录信息/);
        await page.fill('input[name=title]', '某区教育局关于 2026 年义务教育招生入学工作的通知');
        await page.fill('input[name=formed]', daysAgo(3));
        await shot(page, 'staff-catalogue-new');
        await visit(page, '/staff/review');
        assert.match(await text(page), /行政复议、行政诉讼案件/);
        await shot(page, 'staff-review', { fullPage: true });
        await logout(page);
        await login(page, 'e2e-head');
        await visit(page, '/staff/figures');
        assert.match(await text(page), /表二/);
        await shot(page, 'staff-figures', { fullPage: true });
    });
});
