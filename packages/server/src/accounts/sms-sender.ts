import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** A text message to one phone. */
export interface TextMessage {
  readonly phone: string;
  readonly body: string;
  /** The region whose administrators may read the demonstration outbox. */
  readonly regionCode: string;
}

/** How one-time codes reach the phone on record (短信验证码). A province plugs its SMS gateway in here. */
export interface SmsSender {
  /** `outbox`: nothing leaves the machine; the message is kept for the demonstration outbox page. */
  readonly kind: 'outbox';
  send(message: TextMessage): Promise<void>;
}

/**
 * The demonstration sender: the machine reaches no SMS gateway, so messages are kept in a table a
 * security administrator can read, labelled as a demonstration everywhere it is shown. Only the
 * last four digits of the phone are kept beside the message.
 */
export class OutboxSmsSender implements SmsSender {
  readonly kind = 'outbox' as const;
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async send(message: TextMessage): Promise<void> {
    await this.db
      .insertInto('sms_outbox')
      .values({
        phone_masked: `${message.phone.slice(0, 3)}****${message.phone.slice(-4)}`,
        body: message.body,
        region_code: message.regionCode,
        created_at: this.now(),
      })
      .execute();
  }
}
