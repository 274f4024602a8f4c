import { KIND_LABELS } from '../../domain/items/index.js';
import { mayImportItems } from '../../domain/org/access.js';
import { type Html, html } from '../html.js';
import { HttpError } from '../http.js';
import type { PageEnv } from '../page-env.js';
import { layout } from '../pages/layout.js';
import { LEDGER_COLUMNS } from './excel/columns.js';

export function requireImporter(env: Pick<PageEnv, 'viewer'>): void {
  if (!mayImportItems(env.viewer.scope)) throw new HttpError(403, '只有县委督查室等全县督查人员可以批量导入事项');
}

/** Bulk 交办 from Excel: one row per item, every row checked before anything starts. */
export async function importPage(env: PageEnv): Promise<Html> {
  requireImporter(env);
  const cols = LEDGER_COLUMNS.filter((c) => 'importable' in c);
  const body = html`<h1>批量导入督办事项</h1>
<section class="panel">
<p>上传 Excel（.xlsx）文件，每行一个事项。系统逐行校验，<strong>全部通过才会交办</strong>；任何一行有误则一项也不导入，并列出出错的行和原因。
交办人为当前登录人（${env.viewer.person.name}）。同一事项重复导入不会重复交办。</p>
<p>可直接导入本系统导出的台账；也可 <a href="/import/template.xlsx">下载导入模板</a>。</p>
<table class="cols"><thead><tr><th>列名</th><th>是否必填</th><th>说明</th></tr></thead><tbody>
${cols.map((c) => html`<tr><td>${c.header}</td><td>${c.importable === 'required' ? '必填' : '选填'}</td><td>${hint(c.header)}</td></tr>`)}
</tbody></table>
<form id="import-form" class="import-form">
  <input type="file" name="file" id="import-file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required>
  <button type="submit">校验并导入</button>
</form>
<div id="import-result" aria-live="polite"></div>
</section>`;
  return layout({ title: '批量导入', viewer: env.viewer, active: 'import', body });
}

function hint(header: string): string {
  switch (header) {
    case '事项编号':
      return '不填则按事项内容自动生成；填写已有编号的行视为已导入，不再重复交办';
    case '事项类型':
      return Object.values(KIND_LABELS).join(' / ');
    case '紧急程度':
      return '一般 / 重要 / 紧急';
    case '分管领域':
      return '如 农业农村、金融、人社、住建、水务';
    case '责任单位':
      return '单位全称（如 小街镇匡郎村），或不重名的简称';
    case '责任人':
      return '须为责任单位人员；重名时写「姓名（人员编号）」';
    case '审核人':
      return '一般为督查室人员';
    case '签收期限':
      return '不填则为下一个工作日';
    case '办结期限':
      return '日期，如 2026-06-30';
    case '需要佐证':
      return '是 / 否，不填为否';
    default:
      return '';
  }
}
