// The dashboard's only browser script: draws the charts the server described, and uploads import files.
(() => {
  const charts = [];
  for (const el of document.querySelectorAll('[data-chart]')) {
    const source = document.getElementById(`chart-option-${el.dataset.chart}`);
    if (!source || !window.echarts) continue;
    const chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(JSON.parse(source.textContent));
    charts.push(chart);
    el.dataset.rendered = '1';
  }
  if (charts.length > 0)
    window.addEventListener('resize', () => {
      for (const c of charts) c.resize();
    });

  const form = document.getElementById('import-form');
  if (!form) return;
  const out = document.getElementById('import-result');
  const show = (html) => {
    out.innerHTML = html;
  };
  const esc = (s) =>
    String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = document.getElementById('import-file').files[0];
    if (!file) return show('<p class="import-errors">请选择文件</p>');
    show('<p class="muted">正在校验……</p>');
    try {
      const res = await fetch('/import', {
        method: 'POST',
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'x-duban-import': '1',
        },
        body: file,
      });
      const r = await res.json();
      if (r.ok) {
        show(
          `<p class="ok" data-result="ok">导入成功：新交办 ${r.started.length} 项` +
            (r.existing.length ? `，${r.existing.length} 项此前已导入（未重复交办）` : '') +
            '。</p>',
        );
      } else if (r.fileError || r.error) {
        show(`<p class="import-errors" data-result="error">${esc(r.fileError || r.error)}</p>`);
      } else {
        const items = r.errors.map((e) => `<li>第 ${e.row} 行：${esc(e.message)}</li>`).join('');
        show(
          `<p data-result="rejected"><strong>未导入任何事项。</strong>以下 ${r.errors.length} 行有误，请修改后重新上传：</p><ul class="import-errors">${items}</ul>`,
        );
      }
    } catch {
      show('<p class="import-errors">上传失败，请检查网络后重试</p>');
    }
  });
})();
