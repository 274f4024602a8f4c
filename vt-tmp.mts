import { Connection, InternalConnectionOptionsSymbol } from '@temporalio/client/lib/connection.js';
const c = await Connection.connect({ address: `127.0.0.1:${process.argv[2]}`, [InternalConnectionOptionsSymbol]: { supportsTestService: true } } as never);
const open = await c.workflowService.listOpenWorkflowExecutions({ namespace: 'default', maximumPageSize: 50 });
let tq = '';
for (const e of open.executions ?? []) {
  const d = await c.workflowService.describeWorkflowExecution({ namespace: 'default', execution: e.execution });
  tq = d.executionConfig?.taskQueue?.name ?? tq;
  console.log(e.execution?.workflowId, JSON.stringify(d.pendingWorkflowTask ?? null, (k, v) => (typeof v === 'bigint' ? String(v) : v)));
}
const t = await c.testService!.getCurrentTime({});
console.log('virtual', new Date(Number(t.time?.seconds ?? 0) * 1000).toISOString(), 'tq', tq);
const q = await c.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name: tq }, taskQueueType: 1 }).catch((e) => String(e));
console.log(JSON.stringify(q, (k, v) => (typeof v === 'bigint' ? String(v) : v)).slice(0, 800));
await c.close();
