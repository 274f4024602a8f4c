/**
 * The compliance guard. Rankings must rest on outcomes only: the 2023 中央网信委 opinion and 国办函〔2026〕12号 (as
 * reported) forbid scoring or ranking people on app use, online time, check-ins (打卡签到), points (积分排名) or
 * message reads — the "指尖上的形式主义" the rules target. A rule set naming any such metric is refused outright,
 * whatever its weight.
 */

/** Chinese terms that name a usage metric. '签收' (acknowledging an item) is an outcome and deliberately absent. */
const ZH_TERMS = [
  '在线',
  '上线',
  '登录',
  '登陆',
  '打卡',
  '签到',
  '已读',
  '未读',
  '阅读',
  '读取',
  '使用时长',
  '使用次数',
  '使用率',
  '活跃',
  '积分',
  '点击',
  '留痕',
  '停留时长',
];

/** English tokens (after splitting identifiers such as onlineMinutes or check_in_rate into words). */
const EN_TOKENS = new Set([
  'online',
  'login',
  'logins',
  'logon',
  'checkin',
  'checkins',
  'signin',
  'signins',
  'read',
  'reads',
  'unread',
  'readrate',
  'usage',
  'app',
  'apps',
  'active',
  'activity',
  'dau',
  'mau',
  'session',
  'sessions',
  'click',
  'clicks',
  'points',
  'screentime',
  'uptime',
  'attendance',
]);

/** The usage term a metric name or label contains, if any. */
export function usageTermIn(text: string): string | undefined {
  const zh = ZH_TERMS.find((t) => text.includes(t));
  if (zh) return zh;
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  // Adjacent words too, so check_in, sign-in and read_rate are caught as well as checkin.
  const pairs = words.slice(1).map((w, i) => `${words[i]}${w}`);
  return [...words, ...pairs].find((w) => EN_TOKENS.has(w));
}

export function usageMetricMessage(where: string, term: string): string {
  return `${where}含使用类指标“${term}”：按照整治“指尖上的形式主义”的要求，红黑榜只按工作实绩评分，不得按App使用、在线时长、打卡签到、积分或消息已读情况评分`;
}
