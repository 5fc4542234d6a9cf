/**
 * User-facing error messages, by code, in the two languages the platform ships. `{field}` and other
 * placeholders are filled from the error. Every code a route can return has a message in both.
 */
export type Language = 'zh-CN' | 'en-US';

export const ERROR_MESSAGES = {
  VALIDATION_FAILED: { 'zh-CN': '字段 {field} 不符合要求：{detail}', 'en-US': 'Field {field} is invalid: {detail}' },
  REQUIRED_FIELD: { 'zh-CN': '缺少必填字段 {field}', 'en-US': 'The field {field} is required' },
  UNKNOWN_FIELD: { 'zh-CN': '不认识的字段 {field}', 'en-US': 'Unknown field {field}' },
  INVALID_FACTS: { 'zh-CN': '申请材料有误：{detail}', 'en-US': 'The facts are invalid: {detail}' },
  UNKNOWN_SUBSIDY: { 'zh-CN': '没有编号为 {value} 的补贴项目', 'en-US': 'There is no subsidy with id {value}' },
  NOT_FOUND: { 'zh-CN': '请求的地址不存在', 'en-US': 'Nothing is found at this address' },
  MALFORMED_JSON: { 'zh-CN': '请求内容不是有效的JSON', 'en-US': 'The request body is not valid JSON' },
  INTERNAL_ERROR: { 'zh-CN': '服务器内部错误，已记录，请稍后重试', 'en-US': 'Internal error; it has been logged, please try again later' },
  DATABASE_UNAVAILABLE: { 'zh-CN': '数据库暂时不可用', 'en-US': 'The database is unavailable' },
} as const satisfies Record<string, Record<Language, string>>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** zh-CN unless the caller asks for English first. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}

export function message(code: ErrorCode, language: Language, values: Record<string, string> = {}): string {
  return ERROR_MESSAGES[code][language].replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}
