/** An exported sheet's header row: each column in Chinese and English. */
export const header = (columns: readonly { zh: string; en: string }[]) => columns.map((c) => `${c.zh} ${c.en}`);
