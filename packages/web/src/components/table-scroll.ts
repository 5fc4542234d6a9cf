/**
 * The horizontal scroll of a table that people read on a phone. With `x: true` a narrow screen
 * squeezes every column to its narrowest, and Chinese breaks after any character, so a 390px phone
 * showed 补贴项目 one character a line and cut the amount off. At its content's width the table
 * scrolls sideways instead; on a wide screen it still fills the row (antd keeps `min-width: 100%`).
 */
export const PHONE_SCROLL = 'max-content';
