/** A user-facing sentence in both languages the platform ships (zh-CN default, en-US complete). */
export interface Text {
  readonly zh: string;
  readonly en: string;
}

export function text(zh: string, en: string): Text {
  return { zh, en };
}
