import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fileResponse } from './http.js';

/** The only static files: ECharts from node_modules (no CDN), and the dashboard's own CSS and script. */
const require = createRequire(import.meta.url);
const FILES: Record<string, { path: () => string; type: string }> = {
  'echarts.min.js': { path: () => require.resolve('echarts/dist/echarts.min.js'), type: 'text/javascript' },
  'app.js': { path: () => fileURLToPath(new URL('./public/app.js', import.meta.url)), type: 'text/javascript' },
  'style.css': { path: () => fileURLToPath(new URL('./public/style.css', import.meta.url)), type: 'text/css' },
};

const cache = new Map<string, Promise<Buffer>>();

/** The file's response, or undefined when there is no such static file. */
export async function serveStatic(name: string): Promise<Response | undefined> {
  const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (!file) return undefined;
  let data = cache.get(name);
  if (!data) {
    data = readFile(file.path());
    cache.set(name, data);
    data.catch(() => cache.delete(name));
  }
  const body = await data;
  return fileResponse(body, { 'content-type': `${file.type}; charset=utf-8`, 'cache-control': 'public, max-age=3600' });
}
