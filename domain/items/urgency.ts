// A leaf of its own: escalation policies are keyed by urgency, and items/types.ts holds a policy snapshot, so the
// policy module imports this file instead of types.ts (which would be an import cycle).
export type Urgency = 'normal' | 'important' | 'urgent'; // 一般 / 重要 / 紧急
