import { ApiError, ok, page, paging, queryString, type RequestContext, type Router } from '../http.js';
import type { SimUser, Store, UserIdType } from '../store.js';
import type { LarkSimDepartment } from '../types.js';

const MAX_PAGE = 50;

/** Contact v3: department get / children / parent, users find_by_department / get. */
export function registerContactRoutes(router: Router, store: Store): void {
  const ids = (ctx: RequestContext) => ({
    dept: queryString(ctx.query, 'department_id_type') ?? 'open_department_id',
    user: queryString(ctx.query, 'user_id_type') ?? 'open_id',
  });

  // Registered before /departments/:department_id so "parent" is not taken for an id.
  router.add('GET', '/open-apis/contact/v3/departments/parent', { auth: 'tenant' }, (ctx) => {
    const t = ids(ctx);
    const start = department(store, queryString(ctx.query, 'department_id'), t.dept);
    const chain: LarkSimDepartment[] = [];
    let parentId = start?.parentOpenDepartmentId ?? '0';
    while (parentId !== '0' && chain.length < 100) {
      const parent = store.departments.get(parentId);
      if (!parent) break;
      chain.push(parent);
      parentId = parent.parentOpenDepartmentId;
    }
    const items = chain.map((d) => departmentView(store, d, t.dept, t.user));
    return ok(page(items, paging(ctx.query, 10, MAX_PAGE)));
  });

  router.add('GET', '/open-apis/contact/v3/departments/:department_id', { auth: 'tenant' }, (ctx) => {
    const t = ids(ctx);
    const d = department(store, ctx.params.get('department_id'), t.dept);
    return ok({ department: d ? departmentView(store, d, t.dept, t.user) : rootView(store) });
  });

  router.add(
    'GET',
    '/open-apis/contact/v3/departments/:department_id/children',
    { auth: 'tenant', tier4: true },
    (ctx) => {
      const t = ids(ctx);
      const start = department(store, ctx.params.get('department_id'), t.dept);
      const recursive = queryString(ctx.query, 'fetch_child') === 'true';
      const found: LarkSimDepartment[] = [];
      const queue = [start?.openDepartmentId ?? '0'];
      while (queue.length > 0) {
        const parentId = queue.shift();
        for (const d of store.departments.values()) {
          if (d.parentOpenDepartmentId !== parentId) continue;
          found.push(d);
          if (recursive) queue.push(d.openDepartmentId);
        }
      }
      const items = found.map((d) => departmentView(store, d, t.dept, t.user));
      return ok(page(items, paging(ctx.query, 10, MAX_PAGE)));
    },
  );

  router.add('GET', '/open-apis/contact/v3/users/find_by_department', { auth: 'tenant', tier4: true }, (ctx) => {
    const t = ids(ctx);
    const d = department(store, queryString(ctx.query, 'department_id') ?? '0', t.dept);
    const users = store.directMembers(d?.openDepartmentId ?? '0');
    const items = users.map((u) => userView(store, u, t.user, t.dept));
    return ok(page(items, paging(ctx.query, 10, MAX_PAGE)));
  });

  router.add('GET', '/open-apis/contact/v3/users/:user_id', { auth: 'tenant', tier4: true }, (ctx) => {
    const t = ids(ctx);
    const user = store.findUser(ctx.params.get('user_id') ?? '', t.user as UserIdType);
    if (!user) throw new ApiError(41050, 'no user authority error: the user does not exist or is out of scope.');
    return ok({ user: userView(store, user, t.user, t.dept) });
  });
}

/** The department for an id of the given type; undefined means the root ('0'). */
function department(store: Store, id: string | undefined, idType: string): LarkSimDepartment | undefined {
  if (id === undefined || id === '') throw new ApiError(40001, 'param error: department_id is required');
  if (id === '0') return undefined;
  const d = store.findDepartment(id, idType);
  if (!d) throw new ApiError(40015, `department not exist: ${id}`);
  return d;
}

function userIdOrUndefined(store: Store, openId: string | undefined, idType: string): string | undefined {
  const user = openId ? store.users.get(openId) : undefined;
  return user ? store.userIdOf(user, idType) : undefined;
}

function departmentView(
  store: Store,
  d: LarkSimDepartment,
  deptType: string,
  userType: string,
): Record<string, unknown> {
  const leader = userIdOrUndefined(store, d.leaderOpenId, userType);
  const members = store.directMembers(d.openDepartmentId).length;
  return {
    name: d.name,
    i18n_name: { zh_cn: d.name, en_us: '', ja_jp: '' },
    parent_department_id: store.departmentIdOf(d.parentOpenDepartmentId, deptType),
    department_id: d.departmentId ?? d.openDepartmentId,
    open_department_id: d.openDepartmentId,
    ...(leader ? { leader_user_id: leader, leaders: [{ leaderType: 1, leaderID: leader }] } : { leaders: [] }),
    ...(d.chatId ? { chat_id: d.chatId } : {}),
    order: '0',
    member_count: members,
    primary_member_count: members,
    status: { is_deleted: false },
  };
}

function rootView(store: Store): Record<string, unknown> {
  return {
    name: '',
    i18n_name: { zh_cn: '', en_us: '', ja_jp: '' },
    parent_department_id: '',
    department_id: '0',
    open_department_id: '0',
    leaders: [],
    order: '0',
    member_count: store.users.size,
    primary_member_count: store.users.size,
    status: { is_deleted: false },
  };
}

function userView(store: Store, u: SimUser, userType: string, deptType: string): Record<string, unknown> {
  const departments = (u.departmentIds ?? []).map((id) => store.departmentIdOf(id, deptType));
  const leader = userIdOrUndefined(store, u.leaderOpenId, userType);
  return {
    union_id: u.unionId,
    user_id: u.userId,
    open_id: u.openId,
    name: u.name,
    en_name: '',
    ...(u.email ? { email: u.email } : {}),
    ...(u.mobile ? { mobile: u.mobile, mobile_visible: true } : {}),
    gender: 0,
    avatar: { avatar_72: '', avatar_240: '', avatar_640: '', avatar_origin: '' },
    status: { is_frozen: false, is_resigned: false, is_activated: true, is_exited: false, is_unjoin: false },
    department_ids: departments,
    ...(leader ? { leader_user_id: leader } : {}),
    job_title: u.jobTitle ?? '',
    employee_type: 1,
    is_tenant_manager: false,
    orders: departments.map((id, i) => ({
      department_id: id,
      user_order: 0,
      department_order: i + 1,
      is_primary_dept: i === 0,
    })),
  };
}
