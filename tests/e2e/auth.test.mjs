/*
 * auth.test.mjs: staff sign-in in a browser: a wrong password is refused
 * with a message, the console needs a session, the session cookie is
 * HttpOnly and SameSite=Strict, logout ends the session, and a
 * state-changing POST without the CSRF token is refused (403) whether it
 * comes from the login form or from script on a signed-in page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BASE, PASSWORD, launch, login, logout, shot, text, visit } from './lib.mjs';

describe('staff sign-in', () => {
    let b;
    before(async () => { b = await launch(); });
    after(async () => { await b?.context.close(); });

    it('the console without a session leads to the login page', async () => {
        const r = await fetch(`${BASE}/staff`, { redirect: 'manual' });
        assert.equal(r.status, 303);
        assert.equal(r.headers.get('location'), '/login');
        await b.page.goto(`${BASE}/staff`);
        assert.equal(new URL(b.page.url()).pathname, '/login');
        const api = await fetch(`${BASE}/api/v1/me`);
        assert.equal(api.status, 401);
    });

    it('a wrong password is refused with a message', async () => {
        await visit(b.page, '/login');
        await b.page.fill('input[name=name]', 'e2e-admin');
        await b.page.fill('input[name=password]', `${PASSWORD}-wrong`);
        const [resp] = await Promise.all([b.page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
            b.page.click('main button[type=submit]')]);
        assert.equal(resp.status(), 401);
        assert.match(await text(b.page), /用户名或密码错误/);
        assert.equal(await b.page.inputValue('input[name=name]'), 'e2e-admin');
        assert.equal(await b.page.inputValue('input[name=password]'), '');
        await shot(b.page, 'login-refused');
    });

    it('login opens the console with a strict session cookie; logout ends it', async () => {
        await login(b.page, 'e2e-admin');
        assert.equal(new URL(b.page.url()).pathname, '/staff');
        assert.match(await text(b.page), /e2e-admin（管理员/);
        const sid = (await b.context.cookies(BASE)).find((c) => c.name === 'gk_sid');
        assert.ok(sid, 'session cookie');
        assert.equal(sid.httpOnly, true);
        assert.equal(sid.sameSite, 'Strict');
        assert.equal(await b.page.evaluate(() => document.cookie.includes('gk_sid')), false);
        await shot(b.page, 'staff-dashboard', { fullPage: true });
        await logout(b.page);
        await b.page.goto(`${BASE}/staff`);
        assert.equal(new URL(b.page.url()).pathname, '/login');
        assert.deepEqual(b.problems, []);
    });

    it('the login form without its CSRF token is refused', async () => {
        await visit(b.page, '/login');
        await b.page.evaluate(() => document.querySelector('input[name=_csrf]').remove());
        await b.page.fill('input[name=name]', 'e2e-admin');
        await b.page.fill('input[name=password]', PASSWORD);
        const [resp] = await Promise.all([b.page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
            b.page.click('main button[type=submit]')]);
        assert.equal(resp.status(), 403);
        assert.equal((await b.context.cookies(BASE)).some((c) => c.name === 'gk_sid'), false, 'no session made');
    });

    it('a signed-in POST without the token changes nothing', async () => {
        await login(b.page, 'e2e-admin');
        /* Script on our own origin (same cookies) posting to /logout with
         * and with a wrong token: both refused, the session lives on. */
        const statuses = await b.page.evaluate(async () => {
            const a = await fetch('/logout', { method: 'POST', redirect: 'manual' });
            const c = await fetch('/logout', { method: 'POST', redirect: 'manual',
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: '_csrf=forged' });
            return [a.status, c.status];
        });
        assert.deepEqual(statuses, [403, 403]);
        await visit(b.page, '/staff');
        assert.match(await text(b.page), /e2e-admin/);
        await logout(b.page);
    });
});
