import {
  type CrosscheckRound,
  DEFAULT_WORKDAYS,
  LINE_TYPES,
  PHASE_LABELS,
  SEVERITY_LABELS,
  type Severity,
} from '../../domain/crosscheck/index.js';
import {
  button,
  type Card,
  type CardElement,
  card,
  form,
  header,
  hr,
  input,
  markdown,
  selectStatic,
} from '../cards/elements.js';
import { crosscheckValue, CROSSCHECK_FIELDS as F, findingCounts, findingLine, personName } from './card-common.js';

const SEVERITIES: Severity[] = ['minor', 'major', 'severe'];

/**
 * A team lead's checklist: what to verify in the township the team inspects (village by village), the findings
 * entered so far with their 整改 status, and — while checking is open — the form that enters one finding per line.
 */
export function checklistCard(round: CrosscheckRound, teamNo: number, now: string): Card {
  const team = round.teams.find((t) => t.no === teamNo)!;
  const lines = round.lines.filter((l) => l.teamNo === teamNo);
  const findings = round.findings.filter((f) => f.teamNo === teamNo);
  const members = team.memberIds.map((m) => personName(round, m)).join('、') || '—';
  const elements: CardElement[] = [
    markdown(
      [
        `**组长**：${personName(round, team.leadId)}　**组员**：${members}`,
        `**检查对象**：${team.inspectsName}，清单 ${lines.length} 项；${findingCounts(findings)}`,
        '发现问题请逐项登记：每个问题都会作为整改事项交办被检单位，整改完成后由组长复核确认销号。',
      ].join('\n'),
    ),
  ];
  for (const unitId of [...new Set(lines.map((l) => l.unitId))]) {
    const own = lines.filter((l) => l.unitId === unitId);
    const text = own.map((l) => {
      const n = findings.filter((f) => f.lineId === l.id).length;
      return `\`${l.id}\` ${l.subject}${n ? `　<font color='red'>问题 ${n} 个</font>` : ''}`;
    });
    elements.push(markdown([`**${own[0]!.unitName}**`, ...text].join('\n')));
  }
  elements.push(
    markdown(
      `**核查要点**\n${Object.values(LINE_TYPES)
        .map((t) => `${t.label}：${t.check}`)
        .join('\n')}`,
    ),
  );
  if (findings.length)
    elements.push(hr(), markdown(['**已登记问题**', ...findings.map((f) => findingLine(f, now))].join('\n')));
  const view = { team: teamNo };
  if (round.phase === 'checking' && !team.doneAt) {
    elements.push(
      hr(),
      form('cc_finding_form', [
        markdown('**登记问题**'),
        selectStatic(
          F.line,
          '选择清单项',
          lines.map((l) => ({ text: `${l.id} ${l.unitName.slice(-6)} ${l.subject}`, value: l.id })),
          true,
        ),
        input(F.problem, '问题描述', '如：系统收入数据与纸质采集表不一致，差额 1200 元', {
          multiline: true,
          required: true,
          maxLength: 500,
        }),
        selectStatic(
          F.severity,
          '严重程度',
          SEVERITIES.map((s) => ({ text: SEVERITY_LABELS[s], value: s })),
          true,
        ),
        input(
          F.workdays,
          '整改时限（工作日）',
          `不填按严重程度：一般 ${DEFAULT_WORKDAYS.minor}、较重 ${DEFAULT_WORKDAYS.major}、严重 ${DEFAULT_WORKDAYS.severe} 个工作日`,
          { maxLength: 2 },
        ),
        button('登记问题', crosscheckValue(round.id, 'finding', view), {
          type: 'primary_filled',
          submit: { name: 'cc_finding_submit' },
        }),
      ]),
      button('本组检查完毕', crosscheckValue(round.id, 'team_done', view), {
        confirm: { title: '本组检查完毕', text: '报告后本组不能再登记问题（督查室可补录），确认？' },
      }),
    );
  } else {
    elements.push(markdown("<font color='grey'>本组问题登记已结束，整改事项由组长复核销号。</font>"));
  }
  elements.push(button('查看检查报告', crosscheckValue(round.id, 'report', view)));
  const color = round.phase === 'closed' ? 'green' : findings.some((f) => f.status === 'open') ? 'orange' : 'blue';
  return card(
    header(
      `交叉检查清单：第 ${team.no} 组 → ${team.inspectsName}`,
      `${round.title} · ${PHASE_LABELS[round.phase]}`,
      color,
    ),
    elements,
    `交叉检查清单｜${team.inspectsName}`,
  );
}
