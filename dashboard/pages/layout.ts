import { mayImportItems } from '../../domain/org/access.js';
import { type Html, html } from '../html.js';
import type { Viewer } from '../viewer.js';

export type NavKey = 'overview' | 'overdue' | 'escalated' | 'items' | 'rankings' | 'ledgers' | 'import' | 'none';

interface LayoutOptions {
  title: string;
  viewer?: Viewer;
  active?: NavKey;
  body: Html;
  /** Pages with charts load ECharts (served from node_modules by this server, never a CDN). */
  charts?: boolean;
}

/** The shared page shell: header with navigation and the viewer, then the page body. */
export function layout(o: LayoutOptions): Html {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${o.title} · 督办</title>
<link rel="stylesheet" href="/static/style.css">
</head>
<body>
<header class="top">
  <a class="brand" href="/">督办 · 乡村振兴督查</a>
  ${o.viewer ? nav(o.viewer, o.active ?? 'none') : ''}
  ${o.viewer ? who(o.viewer) : ''}
</header>
<main>
${o.body}
</main>
${o.charts ? html`<script src="/static/echarts.min.js"></script>` : ''}
<script src="/static/app.js"></script>
</body>
</html>`;
}

function nav(viewer: Viewer, active: NavKey): Html {
  const links: [NavKey, string, string][] = [
    ['overview', '/', '总览'],
    ['overdue', '/overdue', '逾期'],
    ['escalated', '/escalated', '升级督办'],
    ['items', '/items', '全部事项'],
    ['rankings', '/rankings', '红黑榜'],
    ['ledgers', '/ledgers', '专项台账'],
  ];
  if (mayImportItems(viewer.scope)) links.push(['import', '/import', '批量导入']);
  return html`<nav>${links.map(
    ([key, href, text]) => html`<a href="${href}" class="${key === active ? 'active' : ''}">${text}</a>`,
  )}</nav>`;
}

function who(viewer: Viewer): Html {
  return html`<div class="who">
  <span class="who-name" data-testid="viewer-name">${viewer.person.name}</span>
  <span class="who-scope">${viewer.person.title ?? ''} · 可见范围：${viewer.label}</span>
  <form method="post" action="/logout" data-logout><button type="submit" class="link">退出</button></form>
</div>`;
}
