import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../../app/features/index.js';
import { allMigrations } from '../../../app/migrations.js';

const bundleEntry = readFileSync(new URL('../../../workflows/index.ts', import.meta.url), 'utf8');
const exported = [...bundleEntry.matchAll(/export \{ (\w+) \}/g)].map((m) => m[1]);

describe('the feature list', () => {
  it('names each feature once', () => {
    const names = FEATURES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('matches the workflow bundle: every declared workflow is exported, every export is declared', () => {
    const declared = FEATURES.flatMap((f) => f.workflows ?? []);
    expect([...declared].sort((a, b) => a.localeCompare(b))).toEqual(
      [...exported].sort((a, b) => (a ?? '').localeCompare(b ?? '')),
    );
  });

  it('gathers every migration, in the order they were recorded', () => {
    expect(Object.keys(allMigrations()).sort((a, b) => a.localeCompare(b))).toEqual([
      '001_foundation',
      '002_escalation',
      '003_org',
      '004_dashboard',
      '005_ranking',
      '006_campaigns',
      '007_ledgers',
      '008_crosscheck',
    ]);
  });
});
