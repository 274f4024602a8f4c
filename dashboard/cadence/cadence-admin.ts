import type { Context } from 'hono';
import { CADENCE_IDS, CADENCES } from '../../domain/cadence/index.js';
import type { OrgUnit } from '../../domain/org/access.js';
import { pauseCadence, resumeCadence } from '../../services/cadence/cadence-service.js';
import { type Html, html } from '../html.js';
import { jsonResponse, readPageForm } from '../http.js';
import { requireImporter } from '../items/import.js';
import type { PageEnv } from '../page-env.js';
import type { BodyLimit } from '../routes.js';

/** Three short fields. */
export const CADENCE_FORM_LIMIT: BodyLimit = { maxBytes: 4 * 1024, tooLarge: '内容过长' };

/**
 * The 督查室's pause/resume form under the cadence table: which cadence, which unit, and why. The service checks
 * that the unit is in the cadence's scope and that the actor is 督查室; the reason goes on record.
 */
export function cadenceAdminForm(units: readonly OrgUnit[]): Html {
  const reporting = units.filter((u) => u.kind === 'village' || u.kind === 'township' || u.kind === 'department');
  return html`<form class="dash-form" data-json-form id="cadence-form">
<div class="row">
<label>常态化任务 <select name="cadence">${CADENCE_IDS.map((id) => html`<option value="${id}">${CADENCES[id].name}</option>`)}</select></label>
<label>单位 <select name="unit">${reporting.map((u) => html`<option value="${u.id}">${u.name}</option>`)}</select></label>
</div>
<label>理由 <input name="reason" maxlength="200" placeholder="如：森林防火应急处置期间暂停"></label>
<div class="row"><button type="submit" formaction="/cadences/pause">暂停</button> <button type="submit" formaction="/cadences/resume">恢复</button></div>
<div data-form-result aria-live="polite"></div>
</form>`;
}

/** POST /cadences/pause and /cadences/resume, sent by the page's script with its custom header. */
export function cadenceAdminRoute(action: 'pause' | 'resume') {
  return async (env: PageEnv, c: Context): Promise<Response> => {
    requireImporter(env);
    const form = await readPageForm(c, '专项台账');
    const request = {
      cadenceId: form.get('cadence') ?? '',
      unitId: form.get('unit') ?? '',
      reason: form.get('reason') ?? '',
      actorId: env.viewer.person.id,
      now: new Date(Date.parse(env.now)),
    };
    const r = action === 'pause' ? await pauseCadence(env.db, request) : await resumeCadence(env.db, request);
    return jsonResponse(r.ok ? 200 : 422, r);
  };
}
