import type { Kysely } from 'kysely';
import { DEPARTMENTS, TOWNSHIPS, villageId } from '../../app/demo/county.js';
import { recordTransition } from '../../db/items/items.js';
import type { Database } from '../../db/schema.js';
import { evolve, type ItemEvent, type ItemEventBody, type ItemSpec, initialState } from '../../domain/items/index.js';
import { endOfDay, localDate, toShanghaiIso } from '../../domain/shanghai-time.js';

/**
 * A ledger of a few hundred items in mixed states for the demo county, written as a workflow would write it (one
 * recordTransition per domain event), without running workflows: the dashboard reads only the ledger.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;
const DOMAINS = ['农业农村', '金融', '人社', '住建', '水务', '教育', '民政'];
const TITLES = [
  '农村公厕建设进度',
  '小额信贷到期贷款催缴',
  '防返贫监测收入信息核查',
  '人居环境整治问题整改',
  '衔接资金项目进度报送',
  '抗旱应急保供水项目建设',
  '农村危房改造核查',
  '脱贫劳动力务工就业台账更新',
  '控辍保学情况排查',
  '低保对象动态调整',
];

/** Deterministic pseudo-random numbers (mulberry32), so every run seeds the same county. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Owner {
  unitId: string;
  assignees: string[];
  domain?: string;
  leader: string;
}

function owners(): Owner[] {
  const out: Owner[] = [];
  for (const t of TOWNSHIPS) {
    out.push({ unitId: t.id, assignees: [`p-${t.id}-staff`], leader: `p-${t.id}-secretary` });
    t.villages.forEach((_, i) => {
      const v = villageId(t.id, i);
      out.push({
        unitId: v,
        assignees: [`p-${v}-secretary`, `p-${v}-cadre`, `p-${v}-first`],
        leader: `p-${v}-secretary`,
      });
    });
  }
  for (const d of DEPARTMENTS.filter((x) => x.id !== 'ducha'))
    out.push({ unitId: d.id, assignees: [`p-${d.id}-staff`], domain: d.domain, leader: `p-${d.id}-head` });
  return out;
}

export interface SeedOptions {
  count: number;
  now: string;
  seed?: number;
  idPrefix?: string;
}

/** Writes `count` items; returns their ids. */
export async function seedLedger(db: Kysely<Database>, o: SeedOptions): Promise<string[]> {
  const rnd = random(o.seed ?? 20240630);
  const all = owners();
  const plans = Array.from({ length: o.count }, (_, i) => plan(i, all, rnd, o));
  for (let i = 0; i < plans.length; i += 8) {
    await Promise.all(plans.slice(i, i + 8).map((p) => write(db, p)));
  }
  return plans.map((p) => p.spec.id);
}

interface Plan {
  spec: ItemSpec;
  steps: { body: ItemEventBody; actorId: string; at: number }[];
}

function plan(i: number, all: Owner[], rnd: () => number, o: SeedOptions): Plan {
  const now = Date.parse(o.now);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const owner = pick(all);
  const r = rnd();
  // Open items are mostly recent (most not yet due); closed ones spread over the past ten months.
  const ageDays = r < 0.58 && rnd() < 0.65 ? 2 + rnd() * 45 : 2 + rnd() * 300;
  const created = now - Math.floor(ageDays) * DAY - Math.floor(rnd() * 8) * HOUR;
  const due = Date.parse(endOfDay(localDate(created + Math.floor(5 + rnd() * 55) * DAY)));
  const spec: ItemSpec = {
    id: `${o.idPrefix ?? 'DB-L'}-${String(i + 1).padStart(4, '0')}`,
    kind: rnd() < 0.8 ? 'task' : pick(['rectification', 'loan', 'project', 'monitoring'] as const),
    title: `${pick(TITLES)}（第 ${i + 1} 项）`,
    description: '按照县委农村工作领导小组部署办理并按时反馈。',
    urgency: pick(['normal', 'normal', 'important', 'urgent'] as const),
    domain: owner.domain ?? pick(DOMAINS),
    ownerUnitId: owner.unitId,
    issuerId: 'p-ducha-head',
    reviewerId: 'p-ducha-staff',
    assigneeId: pick(owner.assignees),
    createdAt: toShanghaiIso(created),
    signBy: endOfDay(localDate(created + DAY)),
    dueAt: toShanghaiIso(due),
    evidenceRequired: false,
  };
  const steps: Plan['steps'] = [];
  let t = created;
  // Each step happens after the previous one and never after `now`.
  const at = (want: number) => {
    t = Math.min(Math.max(want, t + 60_000), now - 60_000 * (10 - steps.length));
    return t;
  };
  const push = (body: ItemEventBody, actorId: string, when: number) => steps.push({ body, actorId, at: at(when) });
  if (r < 0.12) return { spec, steps };
  const signedAt = created + HOUR * 20;
  push({ type: 'signed', committedDate: localDate(due) }, spec.assigneeId, signedAt);
  if (r < 0.5) {
    if (rnd() < 0.15) {
      push(
        { type: 'extension_requested', reason: '雨季施工受阻', newDueAt: endOfDay(localDate(due + 10 * DAY)) },
        spec.assigneeId,
        signedAt + HOUR,
      );
      push(
        { type: 'extension_approved', newDueAt: endOfDay(localDate(due + 10 * DAY)), previousDueAt: spec.dueAt },
        'p-ducha-staff',
        signedAt + 2 * HOUR,
      );
    }
    if (rnd() < 0.6)
      push(
        { type: 'progress_reported', percent: 10 + Math.floor(rnd() * 80), note: '按计划推进' },
        spec.assigneeId,
        (signedAt + Math.min(now, due)) / 2,
      );
    if (due < now && rnd() < 0.5) escalate(push, owner, due, Math.ceil(rnd() * 4));
    return { spec, steps };
  }
  if (r < 0.58) {
    push({ type: 'submitted', result: '已完成，材料已报送' }, spec.assigneeId, (signedAt + Math.min(now, due)) / 2);
    return { spec, steps };
  }
  if (r < 0.9) {
    const late = rnd() < 0.3 && due + DAY < now;
    const closed = late
      ? due + Math.floor(1 + rnd() * 15) * DAY
      : created + (Math.min(now, due) - created) * (0.4 + rnd() * 0.5);
    push({ type: 'submitted', result: '已完成' }, spec.assigneeId, closed - HOUR);
    push({ type: 'approved' }, 'p-ducha-staff', closed);
    return { spec, steps };
  }
  push({ type: 'cancelled', reason: '任务调整' }, 'p-ducha-head', signedAt + DAY);
  return { spec, steps };
}

function escalate(push: (b: ItemEventBody, a: string, w: number) => void, owner: Owner, due: number, top: number) {
  const people = [owner.leader, owner.leader, 'p-vice-agri', 'p-county-secretary'];
  for (let level = 1; level <= top; level++)
    push(
      {
        type: 'escalated',
        stepId: `overdue-${level}`,
        level,
        personId: people[level - 1]!,
        role: 'leader',
        channels: ['card'],
      },
      'system',
      due + level * DAY,
    );
  if (top >= 3) push({ type: 'instructed', text: '请务必本周内办结，逾期追责。' }, 'p-vice-agri', due + 4 * DAY);
}

async function write(db: Kysely<Database>, p: Plan): Promise<void> {
  let state = initialState(p.spec);
  const created: ItemEvent = { type: 'created', spec: p.spec, seq: 1, actorId: p.spec.issuerId, at: p.spec.createdAt };
  await recordTransition(db, state, created, p.spec.createdAt);
  for (const step of p.steps) {
    const event = { ...step.body, seq: state.seq + 1, actorId: step.actorId, at: toShanghaiIso(step.at) } as ItemEvent;
    state = evolve(state, event);
    await recordTransition(db, state, event, event.at);
  }
}
