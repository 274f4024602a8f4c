import { LIGHT_LABELS, type Light } from '../../domain/lights.js';
import { formatWan, percentOf } from '../../domain/loans/index.js';
import {
  FUND_SOURCE_LABELS,
  FUND_SOURCES,
  type ProjectReport,
  type ProjectState,
  periodLabel,
  totalFunds,
} from '../../domain/projects/index.js';
import {
  button,
  type Card,
  type CardColor,
  type CardElement,
  card,
  datePicker,
  form,
  header,
  hr,
  input,
  markdown,
} from '../cards/elements.js';

/** What the report button carries: the card router sends `kind: 'project'` clicks to bot/projects/card-route.ts. */
export interface ProjectActionValue {
  kind: 'project';
  act: 'report';
  project: string;
  period: string;
}

export const PROJECT_FIELDS = {
  started: 'project_started',
  startedOn: 'project_started_on',
  percent: 'project_percent',
  paid: 'project_paid',
  note: 'project_note',
} as const;

export interface ProjectCardInput {
  state: ProjectState;
  period: string;
  unitName: string;
  townshipName: string;
  /** 序时进度 at the end of the period. */
  plannedPercent: number;
  names: Record<string, string>;
}

const LIGHT_COLORS: Record<Light, CardColor> = { green: 'green', yellow: 'yellow', red: 'red' };
const LIGHT_ICONS: Record<Light, string> = { green: '🟢', yellow: '🟡', red: '🔴' };

/**
 * A project's monthly report card for one period: the project, 序时进度 at the period's end, and a form asking
 * whether it has started, how far it is and how much has been paid. Once answered it shows the light and why; the
 * form stays while the period is open, so a mistake can be corrected.
 */
export function projectCard(i: ProjectCardInput): Card {
  const { state, period } = i;
  const report = state.reports.find((r) => r.period === period);
  const open = state.status === 'active' && state.requested.at(-1) === period;
  const elements: CardElement[] = [markdown(details(i))];
  if (report) elements.push(hr(), markdown(result(i, report)));
  if (open) elements.push(hr(), reportForm(i, report));
  else if (!report) elements.push(markdown("<font color='grey'>本月报已截止，请在最新一期月报卡片上填报。</font>"));
  return card(
    header(
      `衔接资金项目月报 · ${periodLabel(period)}`,
      `${state.project.name}`,
      report ? LIGHT_COLORS[report.light] : 'blue',
      report
        ? [
            {
              text: LIGHT_LABELS[report.light],
              color: report.light === 'green' ? 'green' : report.light === 'yellow' ? 'yellow' : 'red',
            },
          ]
        : [],
    ),
    elements,
    `${periodLabel(period)}月报｜${state.project.name}`,
  );
}

function details(i: ProjectCardInput): string {
  const { project, progress } = i.state;
  const funds = FUND_SOURCES.filter((s) => project.funds[s] > 0)
    .map((s) => `${FUND_SOURCE_LABELS[s]} ${formatWan(project.funds[s])} 万元`)
    .join('，');
  const total = totalFunds(project);
  return [
    `**项目**：${project.name}（${project.id}）${project.industry ? '　产业项目' : ''}`,
    `**乡镇（街道）**：${i.townshipName}　**责任单位**：${i.unitName}`,
    `**资金**：${funds}，合计 ${formatWan(total)} 万元`,
    `**计划工期**：${project.plannedStart} 至 ${project.plannedFinish}`,
    ...project.milestones.map((m) => `- 里程碑 ${m.date} ${m.name} ${m.percent}%`),
    `**${periodLabel(i.period)}末序时进度**：${i.plannedPercent}%`,
    `**上次填报**：${progress.started ? `已开工（${progress.startedOn ?? '日期未填'}）` : '未开工'}，完成 ${progress.percent}%，累计支付 ${formatWan(progress.paidFen)} 万元`,
  ].join('\n');
}

function result(i: ProjectCardInput, r: ProjectReport): string {
  const total = totalFunds(i.state.project);
  const paidRate = (percentOf(r.paidFen, total) ?? 0).toFixed(2);
  const adjustment = i.state.adjustment;
  return [
    `**${LIGHT_ICONS[r.light]} ${LIGHT_LABELS[r.light]}**：${r.reasons.length ? r.reasons.join('；') : '进度正常'}`,
    `**本期填报**：${r.started ? `已开工（${r.startedOn}）` : '未开工'}，完成 ${r.percent}%（序时进度 ${r.plannedPercent}%），累计支付 ${formatWan(r.paidFen)} 万元（支付进度 ${paidRate}%）`,
    r.note ? `**情况说明**：${r.note}` : '',
    `填报人：${i.names[r.by] ?? r.by}`,
    adjustment?.itemId
      ? `<font color='red'>已启动调整程序（督办事项 ${adjustment.itemId}）：${adjustment.reason}</font>`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function reportForm(i: ProjectCardInput, r: ProjectReport | undefined): CardElement {
  const p = r ?? i.state.progress;
  const value: ProjectActionValue = { kind: 'project', act: 'report', project: i.state.project.id, period: i.period };
  return form('project_report_form', [
    markdown(r ? '**更正本期月报**' : `**填报${periodLabel(i.period)}月报**（截至月末）`),
    {
      tag: 'select_static',
      name: PROJECT_FIELDS.started,
      placeholder: { tag: 'plain_text', content: '是否开工' },
      required: true,
      initial_option: p.started ? 'yes' : 'no',
      options: [
        { text: { tag: 'plain_text', content: '已开工' }, value: 'yes' },
        { text: { tag: 'plain_text', content: '未开工' }, value: 'no' },
      ],
    },
    datePicker(PROJECT_FIELDS.startedOn, '开工日期（已开工必填）', p.startedOn),
    input(PROJECT_FIELDS.percent, '完成进度（%）', '0–100 的整数', {
      required: true,
      maxLength: 4,
      defaultValue: String(p.percent),
    }),
    input(PROJECT_FIELDS.paid, '累计支付（万元）', '截至月末累计拨付金额', {
      required: true,
      maxLength: 14,
      defaultValue: formatWan(p.paidFen),
    }),
    input(PROJECT_FIELDS.note, '情况说明', '进展、困难和下步打算', { multiline: true, maxLength: 500 }),
    button('提交月报', value, { type: 'primary_filled', submit: { name: 'project_report_submit' } }),
  ]);
}

/** The chase written under the card when a report has not come in. */
export function projectReminderText(state: ProjectState, period: string): string {
  return `【催报】「${state.project.name}」${periodLabel(period)}月报尚未填报，请尽快在卡片上填报开工情况、完成进度和资金支付。`;
}
