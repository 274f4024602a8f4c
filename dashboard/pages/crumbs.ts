import { type AccessScope, mayViewUnit, type OrgUnit } from '../../domain/org/access.js';
import { type Html, html } from '../html.js';

/**
 * County › township › village, linking only the levels the viewer may open; `tail` is shown after the unit (an
 * item id), otherwise the unit itself is the unlinked last crumb.
 */
export function crumbs(units: readonly OrgUnit[], unitId: string, scope: AccessScope, tail?: string): Html {
  const path: OrgUnit[] = [];
  for (let u = units.find((x) => x.id === unitId); u; u = units.find((x) => x.id === u!.parentId)) path.unshift(u);
  const parts = path.map((u, i) => {
    if (i === path.length - 1 && tail === undefined) return html`<span>${u.name}</span>`;
    if (u.parentId === null) return html`<a href="/">${u.name}</a>`;
    return mayViewUnit(scope, u.id)
      ? html`<a href="/units/${encodeURIComponent(u.id)}">${u.name}</a>`
      : html`<span>${u.name}</span>`;
  });
  if (tail !== undefined) parts.push(html`<span>${tail}</span>`);
  return html`<nav class="crumbs" aria-label="位置">${parts.map((c, i) => (i === 0 ? c : html` › ${c}`))}</nav>`;
}
