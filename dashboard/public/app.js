// The dashboard's only browser script: draws the charts the server described, and uploads import files.
(() => {
  const charts = [];
  for (const el of document.querySelectorAll('[data-chart]')) {
    const source = document.getElementById(`chart-option-${el.dataset.chart}`);
    // Set through CSSOM: the page's CSP refuses inline style attributes.
    if (el.dataset.height) el.style.height = `${el.dataset.height}px`;
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

  // 退出: a POST with the same custom header as every other form (the server's CSRF guard); the answer is the
  // signed-out page, shown in place of this one.
  for (const logout of document.querySelectorAll('form[data-logout]')) {
    logout.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const res = await fetch('/logout', { method: 'POST', headers: { 'x-duban-form': '1' } });
        if (!res.ok) throw new Error(`logout answered ${res.status}`);
        const page = new DOMParser().parseFromString(await res.text(), 'text/html');
        document.title = page.title;
        document.body.replaceWith(document.adoptNode(page.body));
      } catch {
        alert('退出失败，请检查网络后重试');
      }
    });
  }

  const esc = (s) =>
    String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

  // 发起督办活动: the form goes as urlencoded fields with a custom header (the server's CSRF guard).
  const campaignForm = document.getElementById('campaign-form');
  if (campaignForm) {
    const out = document.getElementById('campaign-result');
    campaignForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      out.innerHTML = '<p class="muted">正在交办……</p>';
      try {
        const res = await fetch('/campaigns', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-duban-form': '1' },
          body: new URLSearchParams(new FormData(campaignForm)).toString(),
        });
        const r = await res.json();
        out.innerHTML = r.ok
          ? `<p class="ok" data-result="ok">已交办 ${r.units} 个单位（${esc(r.campaignId)}）` +
            (r.unstaffed.length ? `；以下单位暂无责任人，请先补充：${esc(r.unstaffed.join('、'))}` : '') +
            '。<a href="/ledgers">查看进度</a></p>'
          : `<p class="import-errors" data-result="error">${esc(r.message || r.error)}</p>`;
      } catch {
        out.innerHTML = '<p class="import-errors">提交失败，请检查网络后重试</p>';
      }
    });
  }

  // Small admin forms (e.g. pause a cadence): each submit button names its endpoint; success reloads the page.
  for (const small of document.querySelectorAll('form[data-json-form]')) {
    const out = small.querySelector('[data-form-result]');
    small.addEventListener('submit', async (event) => {
      event.preventDefault();
      const path = event.submitter?.getAttribute('formaction') || small.getAttribute('action');
      out.innerHTML = '<p class="muted">正在提交……</p>';
      try {
        const res = await fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-duban-form': '1' },
          body: new URLSearchParams(new FormData(small)).toString(),
        });
        const r = await res.json();
        out.innerHTML = `<p class="${r.ok ? 'ok' : 'import-errors'}" data-result="${r.ok ? 'ok' : 'error'}">${esc(r.message || r.error)}</p>`;
        if (r.ok) setTimeout(() => location.reload(), 1200);
      } catch {
        out.innerHTML = '<p class="import-errors">提交失败，请检查网络后重试</p>';
      }
    });
  }

  const form = document.getElementById('import-form');
  if (!form) return;
  const out = document.getElementById('import-result');
  const show = (html) => {
    out.innerHTML = html;
  };
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
