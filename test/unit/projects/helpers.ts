import { buildDemoOrg } from '../../../app/demo/county.js';
import { projectSheetRows, SEED_PROJECTS } from '../../../app/demo/seed-projects.js';
import type { SheetRow } from '../../../domain/loans/index.js';
import {
  DEFAULT_PROJECT_RULES,
  type ImportedProject,
  initialProjectState,
  type Project,
  type ProjectImportContext,
  type ProjectState,
  parseProjectRow,
} from '../../../domain/projects/index.js';

const org = buildDemoOrg();

/** The demo county as the project import sees it, on 2024-06-28. */
export const projectImportContext: ProjectImportContext = {
  townships: org.units.filter((u) => u.kind === 'township').map((u) => ({ id: u.id, name: u.name })),
  units: org.units
    .filter((u) => u.kind === 'township' || u.kind === 'department')
    .map((u) => ({ id: u.id, name: u.name })),
  people: org.people.map((p) => ({ id: p.id, name: p.name })),
  defaultReporter: (unitId) => org.posts.find((p) => p.unit_id === unitId && p.role === 'staff')?.person_id,
  defaultAdjustBehindPoints: DEFAULT_PROJECT_RULES.adjustBehindPoints,
  today: '2024-06-28',
};

/** Sheet rows with the header turned into cells by column, numbered from 2 as in Excel. */
export function sheetRows(table: string[][], sheet = '项目台账'): SheetRow[] {
  const [header, ...rows] = table;
  return rows.map((cells, i) => ({
    sheet,
    row: i + 2,
    cells: Object.fromEntries(header!.map((h, j) => [h, cells[j] ?? ''])),
  }));
}

export function seedProjects(): ImportedProject[] {
  return sheetRows(projectSheetRows(SEED_PROJECTS)).map((r) => {
    const parsed = parseProjectRow(r, projectImportContext);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return parsed.value;
  });
}

/** A project in its state right after import, with overrides. */
export function projectState(project: Partial<Project> = {}, at = '2024-06-28T10:00:00+08:00'): ProjectState {
  const base = seedProjects()[0]!;
  return initialProjectState({
    type: 'imported',
    project: { ...base.project, ...project },
    progress: base.progress,
    seq: 1,
    actorId: 'cli',
    at,
  });
}
