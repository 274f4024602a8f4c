import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { crosscheckWorkflowId, findingProblems } from '../../domain/crosscheck/index.js';
import { crosscheckRoundQuery, crosscheckUpdates } from '../../workflows/crosscheck/messages.js';
import { parseFindingsWorkbook } from './findings-workbook.js';

export type ImportFindingsResult =
  | { ok: true; findings: { id: string; lineId: string; itemId: string; dueAt: string }[] }
  | { ok: false; errors: string[] };

/**
 * An Excel upload of findings, all or nothing: the file is read, every row checked against the running round (each
 * problem named by its row), and only a clean file is sent, as one Update whose validator checks it all again — so
 * a row that turned bad in between (a team reported done) still refuses the whole file and nothing is imported.
 */
export async function importFindings(
  client: Client,
  roundId: string,
  file: Buffer,
  actorId: string,
): Promise<ImportFindingsResult> {
  const parsed = await parseFindingsWorkbook(file);
  if (!parsed.ok) return parsed;
  const handle = client.workflow.getHandle(crosscheckWorkflowId(roundId));
  try {
    const round = await handle.query(crosscheckRoundQuery);
    if (!round) return { ok: false, errors: ['本轮交叉检查尚未准备好，请稍后再试'] };
    const problems = byRow([...parsed.errors, ...findingProblems(round, actorId, parsed.findings)]);
    if (problems.length) return { ok: false, errors: problems };
    const result = await handle.executeUpdate(crosscheckUpdates.recordFindings, {
      args: [{ actorId, source: 'excel', findings: parsed.findings }],
    });
    return {
      ok: true,
      findings: result.recorded.map((f) => ({ id: f.id, lineId: f.lineId, itemId: f.itemId, dueAt: f.dueAt })),
    };
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) {
      return { ok: false, errors: (err.cause?.message ?? '导入未通过校验').split('\n') };
    }
    if (err instanceof WorkflowNotFoundError || (err instanceof Error && /completed/i.test(err.message))) {
      return { ok: false, errors: [`找不到进行中的交叉检查轮次：${roundId}`] };
    }
    throw err;
  }
}

/** Problems in file order: '第 N 行：…' by N; problems about the whole file first. */
function byRow(problems: string[]): string[] {
  const row = (p: string) => Number(/^第 (\d+) 行/.exec(p)?.[1] ?? 0);
  return [...problems].sort((a, b) => row(a) - row(b));
}
