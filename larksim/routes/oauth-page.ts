import type { Reply } from '../http.js';
import type { Store } from '../store.js';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f6f7;margin:0;color:#1f2329}
main{max-width:440px;margin:48px auto;background:#fff;border-radius:12px;box-shadow:0 4px 16px rgba(31,35,41,.08);padding:28px}
h1{font-size:20px;margin:0 0 4px}p.sub{color:#646a73;margin:0 0 20px;font-size:14px}
a.login-user{display:flex;align-items:center;gap:12px;padding:12px;border:1px solid #dee0e3;border-radius:8px;margin-bottom:8px;text-decoration:none;color:inherit}
a.login-user:hover{border-color:#3370ff;background:#f0f4ff}
.avatar{width:36px;height:36px;border-radius:50%;background:#3370ff;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:600}
.meta{font-size:12px;color:#8f959e}a.deny{display:block;text-align:center;margin-top:16px;color:#646a73;font-size:14px}
.error{color:#d83931}`;

function html(title: string, content: string, status = 200): Reply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${content}</main></body></html>`,
  };
}

/** The simulated Lark consent page: one link per user ("log in as"), plus a deny link. */
export function authorizePage(store: Store, query: URLSearchParams): Reply {
  const link = (openId?: string): string => {
    const q = new URLSearchParams(query);
    if (openId) q.set('open_id', openId);
    return `/open-apis/authen/v1/authorize/confirm?${q.toString()}`;
  };
  const users = [...store.users.values()]
    .map((u) => {
      const dept = u.departmentIds?.[0] ? store.departments.get(u.departmentIds[0])?.name : undefined;
      const meta = [dept, u.jobTitle].filter(Boolean).join(' · ');
      return `<a class="login-user" data-open-id="${escapeHtml(u.openId)}" href="${escapeHtml(link(u.openId))}">
<span class="avatar">${escapeHtml([...u.name][0] ?? '?')}</span><span><div>${escapeHtml(u.name)}</div><div class="meta">${escapeHtml(meta)}</div></span></a>`;
    })
    .join('\n');
  const body = `<h1>飞书授权登录（模拟）</h1><p class="sub">「${escapeHtml(store.botName)}」请求获取你的身份信息。请选择要登录的用户：</p>
${users || '<p class="error">通讯录中还没有用户。</p>'}
<a class="deny" href="${escapeHtml(link())}">拒绝授权</a>`;
  return html('飞书授权登录', body);
}

export function errorPage(message: string): Reply {
  return html('授权失败', `<h1>授权失败</h1><p class="error">${escapeHtml(message)}</p>`, 400);
}
