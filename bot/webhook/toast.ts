export type ToastType = 'success' | 'error' | 'info' | 'warning';

export interface CardCallbackResponse {
  toast?: { type: ToastType; content: string; i18n: { zh_cn: string; en_us: string } };
  card?: { type: 'raw'; data: object };
}

export function toast(type: ToastType, zh: string, en: string, card?: object): CardCallbackResponse {
  return {
    toast: { type, content: zh, i18n: { zh_cn: zh, en_us: en } },
    ...(card ? { card: { type: 'raw', data: card } } : {}),
  };
}
