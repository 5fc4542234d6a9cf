import type { IsoDate } from '@huimin/policy';
import { todayInShanghai } from './today.js';

/** The time, injectable so tests can move it (lockouts expiring, idle sessions, publicity ending). */
export interface Clock {
  now(): Date;
  /** Today's civil date in Asia/Shanghai. */
  today(): IsoDate;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => todayInShanghai(new Date()),
};
