import type * as lark from '@larksuiteoapi/node-sdk';
import { checkBody, classifyLarkFailure } from '../../bot/lark/errors.js';
import { LARK_LIMITS, SlidingWindowLimiter } from '../../bot/lark/rate-limiter.js';

/** A department as the contact API reports it (open ids throughout). */
export interface LarkDepartment {
  openId: string;
  /** The tenant's custom department id; Lark fills it with the open id when none was set. */
  customId: string | null;
  name: string;
  /** '0' for children of the root. */
  parentOpenId: string;
  leaderOpenId: string | null;
}

export interface LarkUser {
  openId: string;
  name: string;
  mobile: string | null;
  jobTitle: string | null;
  /** Primary department first. */
  departmentOpenIds: string[];
}

export interface LarkDirectory {
  departments: LarkDepartment[];
  users: LarkUser[];
}

export interface FetchOptions {
  /** Lark allows at most 50 for these endpoints. */
  pageSize?: number;
  pacing?: SlidingWindowLimiter;
  /** Attempts per call on 429/5xx before giving up. */
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The whole directory in scope: every department under the root ('0', recursively, paginated)
 * and every department's direct members (paginated). Calls are paced under Lark's per-app
 * limits and retried on 429 (after Lark's reset hint) and 5xx; resigned users are left out.
 */
export async function fetchLarkDirectory(client: lark.Client, options: FetchOptions = {}): Promise<LarkDirectory> {
  const pageSize = Math.min(options.pageSize ?? 50, 50);
  const call = pacedCaller(options);
  const departments: LarkDepartment[] = [];
  await eachPage(
    (page_token) =>
      call('children', () =>
        client.contact.department.children({
          path: { department_id: '0' },
          params: {
            department_id_type: 'open_department_id',
            user_id_type: 'open_id',
            fetch_child: true,
            page_size: pageSize,
            ...(page_token ? { page_token } : {}),
          },
        }),
      ),
    (d) => {
      if (!d.open_department_id || d.status?.is_deleted) return;
      departments.push({
        openId: d.open_department_id,
        customId: d.department_id || null,
        name: d.name,
        parentOpenId: d.parent_department_id || '0',
        leaderOpenId: d.leader_user_id || null,
      });
    },
  );

  const users = new Map<string, LarkUser>();
  for (const dept of departments) {
    await eachPage(
      (page_token) =>
        call('find_by_department', () =>
          client.contact.user.findByDepartment({
            params: {
              department_id: dept.openId,
              department_id_type: 'open_department_id',
              user_id_type: 'open_id',
              page_size: pageSize,
              ...(page_token ? { page_token } : {}),
            },
          }),
        ),
      (u) => {
        if (!u.open_id || users.has(u.open_id) || u.status?.is_resigned) return;
        const primary = u.orders?.find((o) => o.is_primary_dept)?.department_id;
        const ids = u.department_ids ?? [dept.openId];
        users.set(u.open_id, {
          openId: u.open_id,
          name: u.name,
          mobile: u.mobile || null,
          jobTitle: u.job_title || null,
          departmentOpenIds: primary ? [primary, ...ids.filter((id) => id !== primary)] : ids,
        });
      },
    );
  }
  return { departments, users: [...users.values()] };
}

interface Page<T> {
  code?: number;
  msg?: string;
  data?: { has_more?: boolean; page_token?: string; items?: T[] };
}

async function eachPage<T>(fetch: (token: string | undefined) => Promise<Page<T>>, each: (item: T) => void) {
  let token: string | undefined;
  do {
    const res = await fetch(token);
    for (const item of res.data?.items ?? []) each(item);
    token = res.data?.has_more ? res.data.page_token : undefined;
  } while (token);
}

function pacedCaller(options: FetchOptions) {
  const pacing = options.pacing ?? new SlidingWindowLimiter();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const attempts = options.attempts ?? 5;
  return async <T extends { code?: number; msg?: string }>(route: string, fn: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      await pacing.acquire([
        { key: `contact:${route}`, limit: LARK_LIMITS.appPerSecond, windowMs: LARK_LIMITS.secondWindowMs },
        { key: `contact-min:${route}`, limit: LARK_LIMITS.appPerMinute, windowMs: 60_000 },
      ]);
      try {
        const body = await fn();
        checkBody(body, route);
        return body;
      } catch (err) {
        const failure = classifyLarkFailure(err, route);
        if (!failure.retryable || attempt >= attempts) throw failure;
        await sleep(Math.min(failure.retryAfterMs ?? 500 * attempt, 10_000));
      }
    }
  };
}
