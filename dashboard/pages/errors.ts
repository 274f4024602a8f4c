import { type Html, html } from '../html.js';
import type { Viewer } from '../viewer.js';
import { layout } from './layout.js';

const TITLES: Record<number, string> = {
  400: '请求有误',
  401: '请先登录',
  403: '无权访问',
  404: '页面不存在',
  413: '文件过大',
  415: '文件格式不支持',
  500: '系统繁忙',
};

/** Error pages say what happened in Chinese and never echo anything the viewer may not see. */
export function errorPage(status: number, message: string, viewer?: Viewer): Html {
  const title = TITLES[status] ?? '出错了';
  const body = html`<section class="panel error-page" data-status="${status}">
<h1>${status} · ${title}</h1>
<p>${message}</p>
<p><a href="/">返回总览</a></p>
</section>`;
  return layout({ title, ...(viewer ? { viewer } : {}), body });
}
