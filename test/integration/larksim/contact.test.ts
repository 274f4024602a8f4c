import * as lark from '@larksuiteoapi/node-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LarkSim } from '../../../larksim/index.js';
import { APP, CADRES, DEPT, larkError, sdkClient, startSim, TOWN_CHAT, U } from '../../support/larksim-fixtures.js';

let sim: LarkSim;
let client: lark.Client;
let clock: number;

beforeEach(async () => {
  clock = Date.parse('2024-06-03T09:00:00+08:00');
  sim = await startSim({ now: () => clock });
  client = sdkClient(sim);
});
afterEach(async () => {
  await sim.close();
});

describe('contact', () => {
  it('gets a department with leader, parent and chat, in either id type', async () => {
    const res = await client.contact.department.get({
      path: { department_id: DEPT.town },
      params: { department_id_type: 'open_department_id', user_id_type: 'open_id' },
    });
    expect(res.data?.department).toMatchObject({
      name: '小街镇',
      open_department_id: DEPT.town,
      parent_department_id: DEPT.county,
      leader_user_id: U.townLeader,
      chat_id: TOWN_CHAT,
    });
    const custom = await client.contact.department.get({
      path: { department_id: 'D-TOWN' },
      params: { department_id_type: 'department_id' },
    });
    expect(custom.data?.department).toMatchObject({ department_id: 'D-TOWN', parent_department_id: 'D-COUNTY' });
    const missing = await larkError(client.contact.department.get({ path: { department_id: 'od-missing' } }));
    expect(missing.code).toBe(40015);
  });

  it('lists children recursively with fetch_child and page tokens (page_size ≤ 50)', async () => {
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const res = await client.contact.department.children({
        path: { department_id: '0' },
        params: { fetch_child: true, page_size: 3, ...(pageToken ? { page_token: pageToken } : {}) },
      });
      seen.push(...(res.data?.items ?? []).map((d) => d.name ?? ''));
      pageToken = res.data?.has_more ? res.data.page_token : undefined;
      pages += 1;
    } while (pageToken);
    expect(pages).toBe(2);
    expect(seen).toEqual(['嵩明县委', '县乡村振兴局', '小街镇', '匡郎村']);

    const direct = await client.contact.department.children({
      path: { department_id: DEPT.county },
      params: { fetch_child: false, page_size: 50 },
    });
    expect(direct.data?.items?.map((d) => d.name)).toEqual(['小街镇']);
    const tooBig = await larkError(
      client.contact.department.children({ path: { department_id: '0' }, params: { page_size: 51 } }),
    );
    expect(tooBig.code).toBe(99992402);
  });

  it('returns parents child → parent without the root', async () => {
    const res = await client.contact.department.parent({ params: { department_id: DEPT.village } });
    expect(res.data?.items?.map((d) => [d.open_department_id, d.leader_user_id])).toEqual([
      [DEPT.town, U.townLeader],
      [DEPT.county, U.secretary],
    ]);
  });

  it('finds direct members of a department, paginated', async () => {
    const first = await client.contact.user.findByDepartment({
      params: { department_id: DEPT.village, page_size: 10, user_id_type: 'open_id' },
    });
    expect(first.data?.items).toHaveLength(10);
    expect(first.data?.has_more).toBe(true);
    const second = await client.contact.user.findByDepartment({
      params: { department_id: DEPT.village, page_size: 10, page_token: first.data?.page_token ?? '' },
    });
    expect(second.data?.has_more).toBe(false);
    const all = [...(first.data?.items ?? []), ...(second.data?.items ?? [])].map((u) => u.open_id);
    expect(all).toEqual([U.villageLeader, U.cadre, ...CADRES]);
    const town = await client.contact.user.findByDepartment({ params: { department_id: DEPT.town } });
    expect(town.data?.items?.map((u) => u.name)).toEqual(['陈伟']);
  });

  it('gets a user with leader and departments', async () => {
    const res = await client.contact.user.get({ path: { user_id: U.cadre }, params: { user_id_type: 'open_id' } });
    expect(res.data?.user).toMatchObject({
      open_id: U.cadre,
      name: '杨帆',
      leader_user_id: U.villageLeader,
      department_ids: [DEPT.village],
      job_title: '驻村第一书记',
    });
    expect(res.data?.user?.union_id).toMatch(/^on_/);
    const byUnion = await client.contact.user.get({
      path: { user_id: res.data?.user?.union_id ?? '' },
      params: { user_id_type: 'union_id' },
    });
    expect(byUnion.data?.user?.open_id).toBe(U.cadre);
  });
});

describe('OAuth login', () => {
  const redirectUri = 'http://127.0.0.1:9/auth/callback';

  async function authorize(openId: string, state = 'csrf-1'): Promise<string> {
    const q = new URLSearchParams({ client_id: APP.appId, redirect_uri: redirectUri, state, response_type: 'code' });
    const page = await fetch(`${sim.url}/open-apis/authen/v1/authorize?${q}`);
    const html = await page.text();
    expect(html).toContain('请选择要登录的用户');
    const href = new RegExp(`data-open-id="${openId}" href="([^"]+)"`).exec(html)?.[1]?.replaceAll('&amp;', '&');
    if (!href) throw new Error(`no login link for ${openId}`);
    const redirect = await fetch(`${sim.url}${href}`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe(state);
    return location.searchParams.get('code') ?? '';
  }

  const exchange = (code: string, extra: Record<string, string> = {}) =>
    fetch(`${sim.url}/open-apis/authen/v2/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        grant_type: 'authorization_code',
        client_id: APP.appId,
        client_secret: APP.appSecret,
        code,
        redirect_uri: redirectUri,
        ...extra,
      }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));

  it('logs in as a picked user: code → u- token → user_info through the SDK', async () => {
    const code = await authorize(U.cadre);
    const token = await exchange(code);
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ code: 0, token_type: 'Bearer', expires_in: 7200 });
    const accessToken = String(token.body.access_token);
    expect(accessToken).toMatch(/^u-/);
    const info = await client.authen.userInfo.get({}, lark.withUserAccessToken(accessToken));
    expect(info.data).toMatchObject({ open_id: U.cadre, name: '杨帆' });
    const bad = await larkError(client.authen.userInfo.get({}, lark.withUserAccessToken('u-forged')));
    expect(bad.code).toBe(99991668);
  });

  it('enforces single use, expiry, client secret and redirect_uri', async () => {
    const code = await authorize(U.townLeader);
    expect((await exchange(code, { client_secret: 'nope' })).body.code).toBe(20002);
    expect((await exchange(code, { redirect_uri: 'http://127.0.0.1:9/other' })).body.code).toBe(20071);
    const reused = await exchange(code);
    expect(reused.body).toMatchObject({ code: 20065, error: 'invalid_grant' });
    const late = await authorize(U.townLeader);
    clock += 5 * 60 * 1000 + 1;
    expect((await exchange(late)).body.code).toBe(20004);
    expect((await exchange('never-issued')).body.code).toBe(20003);
  });

  it('shows a Chinese error page for a wrong client_id and redirects a refusal with access_denied', async () => {
    const wrong = await fetch(`${sim.url}/open-apis/authen/v1/authorize?client_id=cli_x&redirect_uri=${redirectUri}`);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('应用不存在');
    const q = new URLSearchParams({ client_id: APP.appId, redirect_uri: redirectUri, state: 's' });
    const deny = await fetch(`${sim.url}/open-apis/authen/v1/authorize/confirm?${q}`, { redirect: 'manual' });
    expect(new URL(deny.headers.get('location') ?? '').searchParams.get('error')).toBe('access_denied');
  });
});
