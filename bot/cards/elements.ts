/**
 * Minimal typed builders for Lark card JSON 2.0. Only what Duban's cards use; every builder
 * returns plain JSON that can go straight into `content` or a callback response.
 */

export type CardColor = 'blue' | 'wathet' | 'turquoise' | 'green' | 'yellow' | 'orange' | 'red' | 'grey' | 'violet';
export type CardElement = Record<string, unknown>;

export interface Card {
  schema: '2.0';
  config: { update_multi: true; summary?: { content: string } };
  header: Record<string, unknown>;
  body: { elements: CardElement[] };
}

const plain = (content: string) => ({ tag: 'plain_text', content });

export function card(header: Record<string, unknown>, elements: CardElement[], summary?: string): Card {
  return {
    schema: '2.0',
    config: { update_multi: true, ...(summary ? { summary: { content: summary } } : {}) },
    header,
    body: { elements },
  };
}

export function header(
  title: string,
  subtitle: string,
  color: CardColor,
  tags: { text: string; color: string }[] = [],
): Record<string, unknown> {
  return {
    title: plain(title),
    subtitle: plain(subtitle),
    template: color,
    ...(tags.length
      ? { text_tag_list: tags.map((t) => ({ tag: 'text_tag', text: plain(t.text), color: t.color })) }
      : {}),
  };
}

export function markdown(content: string): CardElement {
  return { tag: 'markdown', content };
}

export function hr(): CardElement {
  return { tag: 'hr' };
}

export interface ButtonOptions {
  type?: 'default' | 'primary' | 'danger' | 'primary_filled' | 'danger_filled';
  confirm?: { title: string; text: string };
  /** Set inside a form: the button submits it. */
  submit?: { name: string };
}

export function button(text: string, value: object, options: ButtonOptions = {}): CardElement {
  return {
    tag: 'button',
    text: plain(text),
    type: options.type ?? 'default',
    behaviors: [{ type: 'callback', value }],
    ...(options.confirm ? { confirm: { title: plain(options.confirm.title), text: plain(options.confirm.text) } } : {}),
    ...(options.submit ? { name: options.submit.name, form_action_type: 'submit' } : {}),
  };
}

export function form(name: string, elements: CardElement[]): CardElement {
  return { tag: 'form', name, elements };
}

export function input(
  name: string,
  label: string,
  placeholder: string,
  options: { multiline?: boolean; required?: boolean; maxLength?: number; defaultValue?: string } = {},
): CardElement {
  return {
    tag: 'input',
    name,
    label: plain(label),
    label_position: 'top',
    placeholder: plain(placeholder),
    required: options.required ?? false,
    max_length: options.maxLength ?? 500,
    input_type: options.multiline ? 'multiline_text' : 'text',
    ...(options.multiline ? { rows: 3 } : {}),
    ...(options.defaultValue !== undefined ? { default_value: options.defaultValue } : {}),
  };
}

export function datePicker(name: string, placeholder: string, initialDate?: string, required = false): CardElement {
  return {
    tag: 'date_picker',
    name,
    placeholder: plain(placeholder),
    required,
    ...(initialDate ? { initial_date: initialDate } : {}),
  };
}

export function selectStatic(
  name: string,
  placeholder: string,
  options: { text: string; value: string }[],
  required = false,
): CardElement {
  return {
    tag: 'select_static',
    name,
    placeholder: plain(placeholder),
    required,
    options: options.map((o) => ({ text: plain(o.text), value: o.value })),
  };
}

export function columns(items: CardElement[][]): CardElement {
  return {
    tag: 'column_set',
    columns: items.map((elements) => ({ tag: 'column', width: 'weighted', weight: 1, elements })),
  };
}
