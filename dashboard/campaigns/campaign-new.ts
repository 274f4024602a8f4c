import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { URGENCY_LABELS, type Urgency } from '../../domain/items/index.js';
import { startCampaign } from '../../services/campaigns/campaign-service.js';
import { type Html, html } from '../html.js';
import { HttpError, jsonResponse, readPageForm } from '../http.js';
import { requireImporter } from '../items/import.js';
import type { PageEnv } from '../page-env.js';
import { layout } from '../pages/layout.js';

const NONCE_RE = /^[a-f0-9]{12}$/;
const TARGETS = {
  villages: '全县所有行政村（社区）',
  township_villages: '所选乡镇（街道）的行政村（社区）',
  townships: '全部乡镇（街道）',
  departments: '全部县直部门',
} as const;

/**
 * 一令多发 from the dashboard: 督查室 staff dispatch one instruction to many units. The form carries a nonce made
 * when the page was drawn; it names the campaign, so a double click or a resent request starts it only once.
 */
export async function campaignFormPage(env: PageEnv): Promise<Html> {
  requireImporter(env);
  const townships = env.viewer.units.filter((u) => u.kind === 'township');
  const domains = await domainsOf(env);
  const nonce = randomBytes(6).toString('hex');
  const body = html`<h1>发起督办活动（一令多发）</h1>
<section class="panel">
<p>一条督办指令同时交办给多个单位：每个单位各得一个督办事项和待办卡片，按工作日计算时限，逾期按升级规则督办。
交办人为当前登录人（${env.viewer.person.name}），须为督查室人员。发起后可在 <a href="/ledgers">专项台账</a> 查看各单位签收、办结和逾期情况。</p>
<form id="campaign-form" class="dash-form">
<input type="hidden" name="nonce" value="${nonce}">
<label>督办事项标题 <input name="title" maxlength="100" required></label>
<label>事项内容 <textarea name="description" rows="4" maxlength="2000"></textarea></label>
<fieldset><legend>督办对象</legend>
${Object.entries(TARGETS).map(
  ([value, text], i) =>
    html`<label class="inline"><input type="radio" name="target" value="${value}" ${i === 0 ? 'checked' : ''}> ${text}</label>`,
)}
<div class="townships">${townships.map(
    (t) => html`<label class="inline"><input type="checkbox" name="township" value="${t.id}"> ${t.name}</label>`,
  )}</div>
</fieldset>
<label>办结时限（工作日） <input name="due_workdays" type="number" min="1" max="250" value="5" required></label>
<label>签收时限（工作日） <input name="sign_workdays" type="number" min="0" max="250" value="1" required></label>
<label>紧急程度 <select name="urgency">${(Object.entries(URGENCY_LABELS) as [Urgency, string][]).map(
    ([value, text]) => html`<option value="${value}">${text}</option>`,
  )}</select></label>
<label>分管领域 <select name="domain">${domains.map((d) => html`<option value="${d}">${d}</option>`)}</select></label>
<label class="inline"><input type="checkbox" name="evidence" value="1"> 办结须上传佐证材料</label>
<button type="submit">交办</button>
</form>
<div id="campaign-result" aria-live="polite"></div>
</section>`;
  return layout({ title: '发起督办活动', viewer: env.viewer, active: 'ledgers', body });
}

/**
 * The form's POST (readPageForm: the page's script, with its CSRF header). Every field is checked here again;
 * refusals come back as one message.
 */
export async function createCampaign(env: PageEnv, c: Context): Promise<Response> {
  requireImporter(env);
  const form = await readPageForm(c, '发起督办活动');
  if (!env.items) throw new HttpError(400, '当前部署未连接督办流程服务，不能交办');
  const parsed = parseForm(form, new Set(env.viewer.units.filter((u) => u.kind === 'township').map((u) => u.id)));
  if (!parsed.ok) return jsonResponse(422, parsed);
  const r = await startCampaign(env.items.client, env.items.taskQueue, env.db, {
    ...parsed.request,
    issuerId: env.viewer.person.id,
  });
  return jsonResponse(r.ok ? 200 : 422, r);
}

type FormParse =
  | { ok: true; request: Omit<Parameters<typeof startCampaign>[3], 'issuerId'> }
  | { ok: false; message: string };

function parseForm(form: URLSearchParams, townshipIds: Set<string>): FormParse {
  const nonce = form.get('nonce') ?? '';
  if (!NONCE_RE.test(nonce)) return { ok: false, message: '表单已失效，请刷新页面后重新填写' };
  const title = (form.get('title') ?? '').trim();
  if (!title) return { ok: false, message: '请填写督办事项标题' };
  const kind = form.get('target') ?? '';
  let target: string;
  switch (kind) {
    case 'villages':
    case 'townships':
    case 'departments':
      target = kind;
      break;
    case 'township_villages': {
      const picked = form.getAll('township');
      if (picked.length === 0) return { ok: false, message: '请至少选择一个乡镇（街道）' };
      const unknown = picked.filter((id) => !townshipIds.has(id));
      if (unknown.length) return { ok: false, message: `未找到乡镇（街道）：${unknown.join('、')}` };
      target = `villages:${picked.join(',')}`;
      break;
    }
    default:
      return { ok: false, message: '请选择督办对象' };
  }
  const dueWorkdays = wholeNumber(form.get('due_workdays'));
  const signWorkdays = wholeNumber(form.get('sign_workdays'));
  if (dueWorkdays === undefined) return { ok: false, message: '办结时限须为整数个工作日' };
  if (signWorkdays === undefined) return { ok: false, message: '签收时限须为整数个工作日' };
  const urgency = form.get('urgency') ?? 'normal';
  if (!Object.hasOwn(URGENCY_LABELS, urgency)) return { ok: false, message: '紧急程度不正确' };
  const domain = (form.get('domain') ?? '').trim();
  return {
    ok: true,
    request: {
      id: `CP-${nonce}`,
      title,
      description: (form.get('description') ?? '').trim(),
      target,
      dueWorkdays,
      signWorkdays,
      urgency: urgency as Urgency,
      ...(domain ? { domain } : {}),
      evidenceRequired: form.get('evidence') === '1',
    },
  };
}

function wholeNumber(text: string | null): number | undefined {
  return text && /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

async function domainsOf(env: PageEnv): Promise<string[]> {
  const rows = await env.db
    .selectFrom('units')
    .select('domain')
    .distinct()
    .where('domain', 'is not', null)
    .orderBy('domain')
    .execute();
  const all = rows.map((r) => r.domain!).filter(Boolean);
  return all.includes('农业农村') ? ['农业农村', ...all.filter((d) => d !== '农业农村')] : all;
}
