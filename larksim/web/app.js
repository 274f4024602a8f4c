// larksim web chat: act as any user, read their chats, click cards, fill forms, send text.
// Plain browser JS (no build step). Everything goes through the JSON API under /sim/api.

const POLL_MS = 1000;

const CALLBACK_ERRORS = {
  200340: '应用未配置卡片回调地址',
  200341: '请求超时，应用未在 3 秒内响应',
  200342: '无法连接到应用服务',
  200671: '应用服务返回了错误状态码',
  200672: '应用服务返回的数据格式不正确',
  200673: '卡片更新失败：返回的卡片格式错误',
  200830: '卡片更新失败：2.0 卡片不能更新为 1.0 卡片',
};

/** `#user=ou_…&chat=oc_…` keeps the chosen user and chat across reloads and makes pages linkable. */
const initialLocation = new URLSearchParams(location.hash.slice(1));

const state = {
  bot: { name: '机器人', openId: '' },
  users: [],
  usersById: new Map(),
  /** open_id of the user the page acts as. */
  me: initialLocation.get('user') ?? '',
  chats: [],
  /** The open chat. */
  chatId: initialLocation.get('chat') ?? '',
  messages: new Map(),
  rev: 0,
  polling: false,
  generation: 0,
};

const $ = (id) => document.getElementById(id);

/** Creates an element; attrs starting with "on" are listeners, "dataset" is an object, the rest attributes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// ---------------------------------------------------------------------------------------------------------------
// API

async function api(path, body) {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || `请求失败（HTTP ${res.status}）`);
  return data;
}

// ---------------------------------------------------------------------------------------------------------------
// Toasts and dialogs

function showToast(type, content) {
  const kind = ['success', 'error', 'warning', 'info'].includes(type) ? type : 'info';
  const node = el('div', { class: `toast toast-${kind}`, dataset: { toastType: kind } }, content);
  $('toasts').append(node);
  setTimeout(() => node.remove(), 3500);
}

function confirmDialog(confirm) {
  return new Promise((resolve) => {
    const close = (ok) => {
      backdrop.remove();
      resolve(ok);
    };
    const backdrop = el(
      'div',
      { class: 'modal-backdrop' },
      el(
        'div',
        { class: 'modal', role: 'dialog', 'aria-modal': 'true' },
        el('h3', {}, textOf(confirm.title) || '请确认'),
        el('p', {}, textOf(confirm.text)),
        el(
          'div',
          { class: 'actions' },
          el('button', { type: 'button', class: 'btn', onclick: () => close(false) }, '取消'),
          el('button', { type: 'button', class: 'btn btn-primary', onclick: () => close(true) }, '确定'),
        ),
      ),
    );
    $('modal-root').append(backdrop);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Text helpers

function textOf(t) {
  if (t === undefined || t === null) return '';
  if (typeof t === 'string') return t;
  if (t.i18n_content?.zh_cn) return t.i18n_content.zh_cn;
  return typeof t.content === 'string' ? t.content : '';
}

function userName(id) {
  if (id === 'all') return '所有人';
  if (id === state.bot.openId) return state.bot.name;
  return state.usersById.get(id)?.name ?? id;
}

function formatTime(ms) {
  const d = new Date(ms);
  const time = d.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });
  const today = new Date();
  if (d.toDateString() === today.toDateString()) return time;
  return `${d.getMonth() + 1}月${d.getDate()}日 ${time}`;
}

const COLORS = new Set([
  'red',
  'green',
  'grey',
  'blue',
  'orange',
  'yellow',
  'purple',
  'turquoise',
  'carmine',
  'violet',
  'indigo',
  'wathet',
]);

function colored(color, children) {
  const node = el('span', {}, children);
  if (COLORS.has(color)) node.className = `c-${color}`;
  else if (/^#[0-9a-f]{3,8}$/i.test(color)) node.style.color = color;
  return node;
}

function mentionNode(id) {
  return el('span', { class: id === state.me ? 'mention me-mention' : 'mention' }, `@${userName(id)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown (the card subset): headings, lists, code, quotes, bold, italic, strike, links, <at>, <font>, <text_tag>

const INLINE = new RegExp(
  [
    String.raw`<at\s+(?<atKey>id|ids|email|user_id)=['"]?(?<atVal>[^'">\s]*)['"]?\s*>(?<atName>[^<]*)<\/at>`,
    String.raw`<font\s+color=['"]?(?<fontColor>[\w#-]+)['"]?\s*>(?<fontText>[\s\S]*?)<\/font>`,
    String.raw`<text_tag\s+color=['"]?(?<tagColor>[\w-]+)['"]?\s*>(?<tagText>[\s\S]*?)<\/text_tag>`,
    String.raw`\*\*(?<bold>[\s\S]+?)\*\*`,
    String.raw`~~(?<strike>[\s\S]+?)~~`,
    String.raw`\[(?<linkText>[^\]]+)\]\((?<linkUrl>[^)\s]+)\)`,
    String.raw`\x60(?<code>[^\x60]+)\x60`,
    String.raw`(?<br><br\s*\/?>)`,
    String.raw`(?<![*\w])\*(?<italic>[^*\n]+)\*(?![*\w])`,
  ].join('|'),
  'g',
);

function inline(text, parent) {
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) parent.append(text.slice(last, m.index));
    last = m.index + m[0].length;
    const g = m.groups;
    if (g.atKey) {
      const ids = g.atKey === 'ids' ? g.atVal.split(',') : [g.atVal];
      for (const id of ids) {
        if (g.atKey === 'email') parent.append(el('span', { class: 'mention' }, `@${g.atName || id}`));
        else parent.append(mentionNode(id));
      }
    } else if (g.fontColor) parent.append(inlineInto(colored(g.fontColor), g.fontText));
    else if (g.tagColor) parent.append(el('span', { class: `text-tag t-${g.tagColor}` }, g.tagText));
    else if (g.bold) parent.append(inlineInto(el('strong'), g.bold));
    else if (g.strike) parent.append(inlineInto(el('del'), g.strike));
    else if (g.linkText) {
      const safe = /^https?:\/\//.test(g.linkUrl) ? g.linkUrl : undefined;
      parent.append(el('a', { href: safe, target: '_blank', rel: 'noopener noreferrer' }, g.linkText));
    } else if (g.code) parent.append(el('code', {}, g.code));
    else if (g.br) parent.append(el('br'));
    else if (g.italic) parent.append(inlineInto(el('em'), g.italic));
  }
  if (last < text.length) parent.append(text.slice(last));
  return parent;
}

function inlineInto(node, text) {
  return inline(text, node);
}

function markdown(source) {
  const root = el('div', { class: 'md' });
  const lines = String(source ?? '').split('\n');
  let list = null;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (line.startsWith('```')) {
      const code = [];
      for (i += 1; i < lines.length && !lines[i].startsWith('```'); i += 1) code.push(lines[i]);
      root.append(el('pre', {}, el('code', {}, code.join('\n'))));
      list = null;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+\.\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      const tag = bullet ? 'ul' : 'ol';
      if (!list || list.tagName.toLowerCase() !== tag) {
        list = el(tag);
        root.append(list);
      }
      list.append(inlineInto(el('li'), (bullet ?? numbered)[1]));
      continue;
    }
    list = null;
    if (heading) root.append(inlineInto(el(`h${Math.min(heading[1].length, 4)}`), heading[2]));
    else if (/^\s*(---|\*\*\*)\s*$/.test(line)) root.append(el('hr'));
    else if (line.startsWith('> ')) root.append(inlineInto(el('p', { class: 'c-grey' }), `┃ ${line.slice(2)}`));
    else if (line.trim() === '') root.append(el('p', {}, '\u00a0'));
    else root.append(inlineInto(el('p'), line));
  }
  return root;
}

// ---------------------------------------------------------------------------------------------------------------
// Cards (JSON 2.0, plus the JSON 1.0 modules still in use)

function renderCard(card, msg) {
  const ctx = { msg, form: null };
  const root = el('div', { class: 'card', dataset: { cardSchema: card.schema ?? '1.0' } });
  if (card.header) root.append(renderHeader(card.header));
  const body = el('div', { class: 'card-body' });
  const elements = card.schema === '2.0' ? (card.body?.elements ?? []) : (card.elements ?? []);
  renderElements(elements, body, ctx);
  root.append(body);
  return root;
}

function renderHeader(header) {
  const template = header.template && header.template !== 'default' ? `tpl-${header.template}` : '';
  const title = el('div', { class: 'card-title' }, textOf(header.title));
  for (const tag of header.text_tag_list ?? []) title.append(textTag(tag));
  return el(
    'div',
    { class: `card-header ${template}` },
    title,
    header.subtitle ? el('div', { class: 'card-subtitle' }, textOf(header.subtitle)) : null,
  );
}

function textTag(tag) {
  return el('span', { class: `text-tag t-${tag.color ?? 'neutral'}` }, textOf(tag.text));
}

function renderElements(elements, parent, ctx) {
  for (const element of elements ?? []) {
    if (!element || typeof element !== 'object') continue;
    const node = renderElement(element, ctx);
    if (node) parent.append(node);
  }
}

function renderElement(e, ctx) {
  switch (e.tag) {
    case 'markdown':
    case 'lark_md':
      return markdown(e.content);
    case 'plain_text':
      return el('div', { class: 'md' }, textOf(e));
    case 'div':
      return renderDiv(e);
    case 'hr':
      return el('hr');
    case 'column_set':
      return renderColumns(e, ctx);
    case 'column':
      return renderColumn(e, ctx);
    case 'action':
      return renderContainer('div', { class: 'actions' }, e.actions, ctx);
    case 'note':
      return renderContainer('div', { class: 'md c-grey' }, e.elements, ctx);
    case 'button':
      return renderButton(e, ctx);
    case 'form':
      return renderForm(e, ctx);
    case 'input':
    case 'date_picker':
    case 'picker_time':
    case 'picker_datetime':
    case 'select_static':
    case 'multi_select_static':
      return renderField(e, ctx);
    case 'checker':
      return renderChecker(e, ctx);
    case 'overflow':
      return renderOverflow(e, ctx);
    case 'img':
    case 'image':
      return renderImage(e);
    case 'table':
      return renderTable(e);
    case 'collapsible_panel':
      return renderPanel(e, ctx);
    case 'person':
      return person(e.user_id);
    case 'person_list':
      return el(
        'div',
        {},
        (e.persons ?? []).map((p) => person(p.id)),
      );
    case 'interactive_container':
      return renderInteractiveContainer(e, ctx);
    case 'text_tag':
      return textTag(e);
    default:
      return el(
        'div',
        { class: 'unsupported', dataset: { unsupportedTag: String(e.tag) } },
        `暂不支持的组件：${e.tag}`,
      );
  }
}

function renderContainer(tag, attrs, elements, ctx) {
  const node = el(tag, attrs);
  renderElements(elements, node, ctx);
  return node;
}

function renderDiv(e) {
  const node = el('div');
  if (e.text)
    node.append(e.text.tag === 'lark_md' ? markdown(e.text.content) : el('div', { class: 'md' }, textOf(e.text)));
  if (Array.isArray(e.fields)) {
    const fields = el('div', { class: 'fields' });
    for (const f of e.fields) {
      const cell = f.text?.tag === 'lark_md' ? markdown(f.text.content) : el('div', { class: 'md' }, textOf(f.text));
      if (!f.is_short) cell.classList.add('full');
      fields.append(cell);
    }
    node.append(fields);
  }
  return node;
}

function renderColumns(e, ctx) {
  const node = el('div', { class: 'columns' });
  for (const column of e.columns ?? []) node.append(renderColumn(column, ctx));
  return node;
}

function renderColumn(e, ctx) {
  const node = renderContainer('div', { class: 'column' }, e.elements, ctx);
  if (e.width === 'auto') node.style.flex = '0 0 auto';
  else if (e.weight) node.style.flexGrow = String(e.weight);
  return node;
}

function renderImage(e) {
  const key = e.img_key ?? e.image_key;
  return el('img', {
    class: 'card-img',
    src: key ? `/sim/images/${encodeURIComponent(key)}` : undefined,
    alt: textOf(e.alt),
  });
}

function person(id) {
  const name = userName(id);
  return el(
    'span',
    { class: 'person', dataset: { openId: id } },
    el('span', { class: 'avatar' }, name.slice(0, 1)),
    name,
  );
}

function renderTable(e) {
  const columns = e.columns ?? [];
  const head = el(
    'tr',
    {},
    columns.map((c) => el('th', {}, c.display_name ?? c.name)),
  );
  const rows = (e.rows ?? []).map((row) =>
    el(
      'tr',
      {},
      columns.map((c) => el('td', {}, tableCell(row[c.name], c))),
    ),
  );
  return el('table', { class: 'card-table' }, el('thead', {}, head), el('tbody', {}, rows));
}

function tableCell(value, column) {
  if (value === undefined || value === null) return '';
  if (column.data_type === 'markdown' || column.data_type === 'lark_md') return markdown(value);
  if (column.data_type === 'options' && Array.isArray(value)) {
    return value.map((o) => el('span', { class: `text-tag t-${o.color ?? 'neutral'}` }, o.text ?? ''));
  }
  if (column.data_type === 'persons') return (Array.isArray(value) ? value : [value]).map((id) => person(id));
  if (column.data_type === 'date' && typeof value === 'number') return new Date(value).toLocaleDateString('zh-CN');
  return String(value);
}

function renderPanel(e, ctx) {
  const title = e.header?.title;
  const summary = el('summary', {}, title?.tag === 'markdown' ? inlineInto(el('span'), title.content) : textOf(title));
  const body = renderContainer('div', { class: 'panel-body' }, e.elements, ctx);
  return el('details', { class: 'panel', open: e.expanded === true }, summary, body);
}

function renderInteractiveContainer(e, ctx) {
  const callback = callbackValue(e);
  const node = renderContainer('div', { class: callback ? 'container clickable' : 'container' }, e.elements, ctx);
  if (callback) {
    node.addEventListener('click', (event) => {
      if (event.target.closest('button, input, select, textarea, a')) return;
      sendCallback(ctx.msg.messageId, { value: callback, tag: 'interactive_container', name: e.name }).catch(
        reportError,
      );
    });
  }
  return node;
}

/** The callback value of a 2.0 component (behaviors) or a 1.0 one (value). */
function callbackValue(e) {
  const behavior = (e.behaviors ?? []).find((b) => b.type === 'callback');
  if (behavior) return behavior.value ?? {};
  return e.value && typeof e.value === 'object' ? e.value : undefined;
}

function openUrl(e) {
  const behavior = (e.behaviors ?? []).find((b) => b.type === 'open_url');
  const url = behavior ? behavior.default_url || behavior.pc_url : (e.url ?? e.multi_url?.url ?? e.multi_url?.pc_url);
  return url && /^https?:\/\//.test(url) ? url : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Buttons, forms and inputs

function renderButton(e, ctx) {
  const classes = ['btn', `btn-${e.type ?? 'default'}`, `btn-${e.size ?? 'medium'}`];
  if (e.width === 'fill') classes.push('btn-fill');
  const form = ctx.form;
  const button = el(
    'button',
    {
      type: 'button',
      class: classes.join(' '),
      disabled: e.disabled === true,
      title: e.disabled ? textOf(e.disabled_tips) : textOf(e.hover_tips) || undefined,
      dataset: { actionName: e.name ?? e.element_id ?? '', formAction: form ? (e.form_action_type ?? '') : undefined },
    },
    textOf(e.text),
  );
  button.addEventListener('click', () => {
    onButton(e, ctx, button).catch(reportError);
  });
  return button;
}

async function onButton(e, ctx, button) {
  const form = ctx.form;
  if (form && e.form_action_type === 'reset') {
    form.reset();
    return;
  }
  let formValue;
  if (form && e.form_action_type === 'submit') {
    formValue = form.collect();
    if (!formValue) return;
  }
  if (e.confirm && !(await confirmDialog(e.confirm))) return;
  const url = openUrl(e);
  if (url) window.open(url, '_blank', 'noopener');
  const value = callbackValue(e);
  if (value === undefined && formValue === undefined) return;
  await sendCallback(ctx.msg.messageId, { value: value ?? {}, tag: 'button', name: e.name, formValue }, button);
}

function renderForm(e, ctx) {
  const fields = [];
  const form = {
    name: e.name,
    register: (field) => fields.push(field),
    reset: () => {
      for (const f of fields) f.reset();
    },
    /** form_value, or null after marking the missing required fields. */
    collect: () => {
      const out = {};
      let ok = true;
      for (const f of fields) {
        const value = f.value();
        const empty = value === '' || value === undefined || (Array.isArray(value) && value.length === 0);
        f.mark(f.required && empty ? '请填写必填项' : '');
        if (f.required && empty) ok = false;
        else if (!empty || typeof value === 'boolean') out[f.name] = value;
      }
      if (!ok) showToast('warning', '请填写必填项');
      return ok ? out : null;
    },
  };
  const node = renderContainer('form', { class: 'card-form', dataset: { formName: e.name ?? '' } }, e.elements, {
    ...ctx,
    form,
  });
  node.addEventListener('submit', (event) => event.preventDefault());
  return node;
}

function fieldShell(e, control) {
  const error = el('div', { class: 'field-error', hidden: true });
  const label = e.label
    ? el('span', { class: 'field-label' }, e.required ? el('span', { class: 'req' }, '*') : null, textOf(e.label))
    : null;
  // A group of checkboxes cannot sit inside a <label>; single controls can.
  const shell = el(
    e.tag === 'multi_select_static' ? 'div' : 'label',
    { class: e.label_position === 'left' ? 'field left' : 'field', dataset: { fieldName: e.name ?? '' } },
    label,
    control,
    error,
  );
  const mark = (message) => {
    shell.classList.toggle('invalid', Boolean(message));
    error.hidden = !message;
    error.textContent = message;
  };
  return { shell, mark };
}

function renderField(e, ctx) {
  const control = fieldControl(e);
  const { shell, mark } = fieldShell(e, control.node);
  if (ctx.form && e.name) {
    ctx.form.register({
      name: e.name,
      required: e.required === true,
      value: control.value,
      reset: control.reset,
      mark,
    });
  } else {
    control.onCommit((v) => standaloneCallback(e, v, ctx).catch(reportError));
  }
  return shell;
}

function standaloneCallback(e, value, ctx) {
  const p = { value: callbackValue(e) ?? {}, tag: e.tag, name: e.name };
  if (e.tag === 'input') p.inputValue = value;
  else if (e.tag === 'multi_select_static') p.options = value;
  else p.option = value;
  return sendCallback(ctx.msg.messageId, p);
}

/** The HTML control for an input-like component: node, value getter, reset, commit listener. */
function fieldControl(e) {
  const placeholder = textOf(e.placeholder);
  if (e.tag === 'multi_select_static') {
    const initial = new Set(e.selected_values ?? []);
    const boxes = (e.options ?? []).map((o) =>
      el('input', { type: 'checkbox', value: o.value, checked: initial.has(o.value) }),
    );
    const chips = (e.options ?? []).map((o, i) => el('label', { class: 'chip' }, boxes[i], textOf(o.text)));
    const node = el('div', { class: 'chips', role: 'group', 'aria-label': placeholder || undefined }, chips);
    return {
      node,
      value: () => boxes.filter((b) => b.checked).map((b) => b.value),
      reset: () => {
        for (const b of boxes) b.checked = initial.has(b.value);
      },
      onCommit: (fn) => node.addEventListener('change', () => fn(boxes.filter((b) => b.checked).map((b) => b.value))),
    };
  }
  let node;
  let initial = '';
  if (e.tag === 'select_static') {
    initial = e.initial_option ?? '';
    node = el(
      'select',
      { name: e.name },
      el('option', { value: '' }, placeholder || '请选择'),
      (e.options ?? []).map((o) => el('option', { value: o.value, selected: o.value === initial }, textOf(o.text))),
    );
  } else if (e.tag === 'input' && e.input_type === 'multiline_text') {
    initial = e.default_value ?? '';
    node = el('textarea', { name: e.name, rows: e.rows ?? 3, maxlength: e.max_length ?? 1000, placeholder }, initial);
  } else {
    const types = { date_picker: 'date', picker_time: 'time', picker_datetime: 'datetime-local' };
    const type = types[e.tag] ?? (e.input_type === 'password' ? 'password' : 'text');
    initial = e.initial_date ?? e.initial_time ?? e.initial_datetime ?? e.default_value ?? '';
    node = el('input', { type, name: e.name, value: initial, placeholder, maxlength: e.max_length });
  }
  return {
    node,
    value: () => node.value,
    reset: () => {
      node.value = initial;
    },
    onCommit: (fn) => node.addEventListener('change', () => fn(node.value)),
  };
}

function renderChecker(e, ctx) {
  const box = el('input', { type: 'checkbox', checked: e.checked === true });
  const node = el('label', { class: 'checker' }, box, el('span', { class: 'checker-text' }, textOf(e.text)));
  const sync = () => node.classList.toggle('done', box.checked);
  sync();
  if (ctx.form && e.name) {
    ctx.form.register({
      name: e.name,
      required: false,
      value: () => box.checked,
      reset: () => {
        box.checked = e.checked === true;
        sync();
      },
      mark: () => {},
    });
    box.addEventListener('change', sync);
  } else {
    box.addEventListener('change', () => {
      sync();
      const p = { value: callbackValue(e) ?? {}, tag: 'checker', name: e.name, checked: box.checked };
      sendCallback(ctx.msg.messageId, p).catch(reportError);
    });
  }
  return node;
}

function renderOverflow(e, ctx) {
  const select = el(
    'select',
    { class: 'btn', 'aria-label': '更多操作' },
    el('option', { value: '' }, '⋯'),
    (e.options ?? []).map((o) => el('option', { value: o.value ?? '' }, textOf(o.text))),
  );
  select.addEventListener('change', () => {
    const option = select.value;
    select.value = '';
    if (option)
      sendCallback(ctx.msg.messageId, { value: callbackValue(e) ?? {}, tag: 'overflow', option }).catch(reportError);
  });
  return select;
}

/** One click, Lark style: the button shows progress, then the bot's toast (or Lark's error) appears. */
async function sendCallback(messageId, p, button) {
  if (button) {
    button.disabled = true;
    button.classList.add('loading');
  }
  try {
    const result = await api('/sim/api/click', { ...p, messageId, operatorOpenId: state.me });
    if (result.errorCode)
      showToast('error', `${CALLBACK_ERRORS[result.errorCode] ?? '操作失败'}（${result.errorCode}）`);
    else if (result.toast) showToast(result.toast.type, result.toast.content);
  } finally {
    if (button?.isConnected) {
      button.disabled = false;
      button.classList.remove('loading');
    }
    poll().catch(() => {});
  }
}

function reportError(err) {
  showToast('error', err instanceof Error ? err.message : String(err));
}

// ---------------------------------------------------------------------------------------------------------------
// Messages

function messageBody(msg) {
  if (msg.deleted) return el('div', { class: 'bubble recalled' }, '此消息已撤回');
  let content = {};
  try {
    content = JSON.parse(msg.content || '{}');
  } catch {
    content = { text: msg.content };
  }
  if (msg.msgType === 'interactive' && msg.card) return renderCard(msg.card, msg);
  if (msg.msgType === 'image') {
    return el('img', {
      class: 'msg-image',
      src: `/sim/images/${encodeURIComponent(content.image_key ?? '')}`,
      alt: '图片',
    });
  }
  if (msg.msgType === 'post') return el('div', { class: 'bubble' }, renderPost(content));
  if (msg.msgType === 'text')
    return inlineInto(el('div', { class: 'bubble' }), textWithMentions(content.text ?? '', msg));
  return el('div', { class: 'bubble unsupported' }, `暂不支持的消息类型：${msg.msgType}`);
}

/** `@_user_N` placeholders and `<at user_id="…">` tags both become card-style `<at id=…>` for the inline renderer. */
function textWithMentions(text, msg) {
  let out = text.replace(/<at user_id=["']?([^"'>\s]+)["']?>[^<]*<\/at>/g, (_m, id) => `<at id=${id}></at>`);
  for (const m of msg.mentions ?? []) out = out.replaceAll(m.key, `<at id=${m.openId}></at>`);
  return out.replaceAll('@_all', '<at id=all></at>').replaceAll('\n', '<br>');
}

function renderPost(content) {
  const post = content.zh_cn ?? content.en_us ?? Object.values(content)[0] ?? {};
  const node = el('div', { class: 'md' });
  if (post.title) node.append(el('strong', {}, post.title), el('br'));
  for (const paragraph of post.content ?? []) {
    const p = el('p');
    for (const item of paragraph) {
      if (item.tag === 'text') {
        const styles = item.style ?? [];
        let span = el('span', {}, item.text ?? '');
        if (styles.includes('bold')) span = el('strong', {}, span);
        if (styles.includes('italic')) span = el('em', {}, span);
        if (styles.includes('lineThrough')) span = el('del', {}, span);
        p.append(span);
      } else if (item.tag === 'a') p.append(el('a', { href: item.href, target: '_blank', rel: 'noopener' }, item.text));
      else if (item.tag === 'at') p.append(mentionNode(item.user_id));
      else if (item.tag === 'img') p.append(renderImage(item));
      else if (item.tag === 'md') p.append(markdown(item.text));
      else if (item.tag === 'hr') p.append(el('hr'));
      else if (item.tag === 'code_block') p.append(el('pre', {}, el('code', {}, item.text ?? '')));
      else if (item.tag === 'emotion') p.append(`[${item.emoji_type}]`);
    }
    node.append(p);
  }
  return node;
}

function messageNode(msg) {
  const fromBot = msg.sender.type === 'app';
  const wide = msg.card?.config?.width_mode === 'fill';
  const avatar = el('div', { class: fromBot ? 'avatar bot' : 'avatar' }, msg.sender.name.slice(0, 1));
  const meta = el('div', { class: 'msg-meta' });
  const main = el('div', { class: 'msg-main' }, meta, messageBody(msg));
  const node = el(
    'div',
    {
      class: ['msg', msg.mine ? 'mine' : '', wide ? 'wide' : ''].join(' ').trim(),
      dataset: { messageId: msg.messageId, msgType: msg.msgType },
    },
    avatar,
    main,
  );
  updateMeta(node, msg);
  return node;
}

function updateMeta(node, msg) {
  const meta = node.querySelector('.msg-meta');
  const parts = [
    el('span', { class: 'sender' }, msg.sender.name),
    el('span', { class: 'time' }, formatTime(msg.createTime)),
    msg.updated && !msg.deleted ? el('span', { class: 'badge edited' }, '已更新') : null,
    msg.urgentKinds.length > 0 && !msg.read
      ? el('span', { class: 'badge urgent' }, urgentLabel(msg.urgentKinds))
      : null,
  ];
  meta.replaceChildren(...parts.filter(Boolean));
  node.dataset.read = msg.read || msg.mine ? 'true' : 'false';
  const status = node.querySelector('.msg-status');
  // Read receipts for one's own messages make sense in groups only (the bot does not "read").
  const inGroup = state.chats.some((c) => c.chatId === msg.chatId && c.type === 'group');
  if (msg.mine && inGroup) {
    const text = msg.readCount > 0 ? `${msg.readCount} 人已读` : '未读';
    if (status) status.textContent = text;
    else node.querySelector('.msg-main').append(el('div', { class: 'msg-status' }, text));
  }
}

function urgentLabel(kinds) {
  if (kinds.includes('phone')) return '电话加急';
  if (kinds.includes('sms')) return '短信加急';
  return '加急';
}

// ---------------------------------------------------------------------------------------------------------------
// Read receipts: a message counts as read once half of it has been on screen for its receiver.

const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting || document.visibilityState !== 'visible') continue;
      const id = entry.target.dataset.messageId;
      const msg = state.messages.get(id);
      observer.unobserve(entry.target);
      if (!msg || msg.read || msg.mine || msg.deleted) continue;
      msg.read = true;
      api('/sim/api/read', { messageId: id, openId: state.me })
        .then(() => updateMeta(entry.target, msg))
        .catch(() => {
          msg.read = false;
        });
    }
  },
  { threshold: 0.5 },
);

// ---------------------------------------------------------------------------------------------------------------
// Rendering the page

function renderChatList() {
  const list = $('chat-list');
  const items = state.chats.map((chat) => {
    const msgs = [...state.messages.values()].filter((m) => m.chatId === chat.chatId);
    const last = msgs.at(-1);
    const unread = msgs.filter((m) => !m.mine && !m.read && !m.deleted);
    const urgent = unread.some((m) => m.urgentKinds.length > 0);
    const avatar = el('div', { class: chat.type === 'p2p' ? 'avatar bot' : 'avatar group' }, chat.name.slice(0, 1));
    return el(
      'button',
      {
        type: 'button',
        class: chat.chatId === state.chatId ? 'chat-item active' : 'chat-item',
        dataset: { chatId: chat.chatId, chatType: chat.type },
        onclick: () => selectChat(chat.chatId),
      },
      avatar,
      el(
        'div',
        { class: 'info' },
        el(
          'div',
          { class: 'name' },
          chat.name,
          urgent ? el('span', { class: 'badge urgent' }, '加急') : null,
          chat.type === 'p2p' ? el('span', { class: 'text-tag t-blue' }, '机器人') : null,
        ),
        el('div', { class: 'preview' }, last ? preview(last) : '暂无消息'),
      ),
      unread.length > 0 ? el('span', { class: 'unread' }, String(unread.length)) : null,
    );
  });
  list.replaceChildren(...items);
}

function preview(msg) {
  if (msg.deleted) return '[已撤回]';
  if (msg.msgType === 'interactive') return `[卡片] ${textOf(msg.card?.header?.title) || ''}`.trim();
  if (msg.msgType === 'image') return '[图片]';
  if (msg.msgType === 'post') return '[富文本]';
  try {
    return (JSON.parse(msg.content).text ?? '').replace(/@_user_\d+/g, '@');
  } catch {
    return '';
  }
}

function renderHeaderBar() {
  const chat = state.chats.find((c) => c.chatId === state.chatId);
  const header = $('chat-header');
  if (!chat) {
    header.replaceChildren(el('div', { class: 'chat-title' }, state.me ? '请选择会话' : '请选择用户'));
    return;
  }
  const sub = chat.type === 'p2p' ? `与 ${state.bot.name} 的单聊` : `群聊 · ${chat.memberCount} 人`;
  header.replaceChildren(el('div', { class: 'chat-title' }, chat.name), el('div', { class: 'chat-sub' }, sub));
  $('mention-toggle').hidden = chat.type !== 'group';
  $('mention-label').textContent = `@${state.bot.name}`;
}

/** Re-renders only what changed, so text typed into a card form survives polling. */
function renderMessages(changed) {
  const pane = $('messages');
  const shown = [...state.messages.values()].filter((m) => m.chatId === state.chatId);
  if (shown.length === 0) {
    pane.replaceChildren(el('div', { class: 'empty' }, state.chatId ? '暂无消息' : '请选择会话'));
    return;
  }
  const nearBottom = pane.scrollHeight - pane.scrollTop - pane.clientHeight < 80;
  pane.querySelector('.empty')?.remove();
  const existing = new Map([...pane.querySelectorAll('.msg')].map((n) => [n.dataset.messageId, n]));
  let appended = false;
  for (const msg of shown) {
    const node = existing.get(msg.messageId);
    if (!node) {
      const fresh = messageNode(msg);
      pane.append(fresh);
      observeUnread(fresh, msg);
      appended = true;
    } else if (changed.has(msg.messageId)) {
      if (node.dataset.renderKey === renderKey(msg)) updateMeta(node, msg);
      else {
        const fresh = messageNode(msg);
        node.replaceWith(fresh);
        observeUnread(fresh, msg);
      }
    }
  }
  for (const node of pane.querySelectorAll('.msg')) {
    const msg = state.messages.get(node.dataset.messageId);
    if (msg) node.dataset.renderKey = renderKey(msg);
  }
  if (appended && (nearBottom || changed.size === shown.length)) pane.scrollTop = pane.scrollHeight;
}

const renderKey = (msg) => `${msg.deleted}|${msg.updateTime}|${msg.content.length}`;

function observeUnread(node, msg) {
  if (!msg.mine && !msg.read && !msg.deleted) observer.observe(node);
}

function renderMe() {
  const me = state.usersById.get(state.me);
  const box = $('me');
  box.hidden = !me;
  if (!me) return;
  box.replaceChildren(
    el('div', { class: 'avatar' }, me.name.slice(0, 1)),
    el(
      'div',
      {},
      el('div', { class: 'who' }, me.name),
      el('div', { class: 'what' }, [...me.departments, me.jobTitle].filter(Boolean).join(' · ')),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// State changes

async function poll() {
  if (!state.me || state.polling) return;
  state.polling = true;
  const generation = state.generation;
  try {
    const feed = await api(`/sim/api/users/${encodeURIComponent(state.me)}/feed?since=${state.rev}`);
    if (generation !== state.generation) return;
    state.chats = feed.chats;
    const changed = new Set();
    for (const msg of feed.messages) {
      state.messages.set(msg.messageId, msg);
      changed.add(msg.messageId);
    }
    state.rev = feed.rev;
    if (!state.chatId && state.chats.length > 0) state.chatId = state.chats[0].chatId;
    renderChatList();
    renderHeaderBar();
    if (changed.size > 0 || !$('messages').querySelector('.msg')) renderMessages(changed);
  } finally {
    state.polling = false;
  }
}

function selectUser(openId, chatId = '') {
  state.me = openId;
  state.chatId = chatId;
  state.messages.clear();
  state.rev = 0;
  state.generation += 1;
  state.polling = false;
  $('user-select').value = openId;
  $('composer').hidden = !openId;
  $('messages').replaceChildren(el('div', { class: 'empty' }, openId ? '加载中…' : '在左侧选择一个用户'));
  $('chat-list').replaceChildren();
  renderMe();
  renderHeaderBar();
  saveLocation();
  poll().catch(reportError);
}

function selectChat(chatId) {
  state.chatId = chatId;
  $('messages').replaceChildren();
  saveLocation();
  renderChatList();
  renderHeaderBar();
  renderMessages(new Set(state.messages.keys()));
  $('messages').scrollTop = $('messages').scrollHeight;
}

function saveLocation() {
  const params = new URLSearchParams();
  if (state.me) params.set('user', state.me);
  if (state.chatId) params.set('chat', state.chatId);
  history.replaceState(null, '', `#${params}`);
}

async function sendText(event) {
  event.preventDefault();
  const input = $('composer-input');
  const text = input.value.trim();
  const chat = state.chats.find((c) => c.chatId === state.chatId);
  if (!text || !chat) return;
  input.value = '';
  const mentionBot = chat.type === 'group' && $('mention-bot').checked;
  const sending = api('/sim/api/send', { fromOpenId: state.me, chatId: chat.chatId, text, mentionBot });
  setTimeout(() => poll().catch(() => {}), 50);
  const result = await sending;
  if (result.pushed && !result.delivered) showToast('warning', '消息已发送，但机器人没有收到（事件推送失败）');
}

async function init() {
  const info = await api('/sim/api/state');
  state.bot = info.bot;
  state.users = info.users;
  state.usersById = new Map(info.users.map((u) => [u.openId, u]));
  const select = $('user-select');
  for (const u of info.users) {
    const detail = [u.departments[0], u.jobTitle].filter(Boolean).join(' · ');
    select.append(el('option', { value: u.openId }, detail ? `${u.name}（${detail}）` : u.name));
  }
  select.addEventListener('change', () => selectUser(select.value));
  $('composer').addEventListener('submit', (event) => {
    sendText(event).catch(reportError);
  });
  $('composer-input').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('composer').requestSubmit();
    }
  });
  selectUser(state.usersById.has(state.me) ? state.me : '', state.chatId);
  setInterval(() => {
    poll().catch(() => {});
  }, POLL_MS);
}

init().catch(reportError);
