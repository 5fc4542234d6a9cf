import { DatePicker, type GetRef } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AriaAttributes, Ref } from 'react';

const ISO_DAY = 'YYYY-MM-DD';
const ISO_MONTH = 'YYYY-MM';

/** What a form item hands its control besides the value: its id, its ref and the aria attributes. */
type PickerProps = AriaAttributes & { id?: string; ref?: Ref<GetRef<typeof DatePicker>> };

/**
 * A day picked or typed as the ISO text a form sends (2026-12-07), in antd's picker, which follows
 * the page's language. A native date input follows the browser's instead: an English browser
 * showed 12/07/2026 on a Chinese page, and a Chinese one 2026/12/07 on an English page. What a form
 * item passes besides the value (its ref, through which a refusal is shown under the field, and
 * the aria attributes) goes on to the picker.
 */
export function IsoDateInput({
  value,
  onChange,
  min,
  max,
  month = false,
  ...picker
}: PickerProps & {
  value?: string;
  onChange?: (value: string) => void;
  /** The first and last days (or months) that may be chosen, as ISO text. */
  min?: string;
  max?: string;
  /** A month (2026-12) rather than a day: native month inputs follow the browser's locale too. */
  month?: boolean;
}) {
  const format = month ? ISO_MONTH : ISO_DAY;
  const outside = (d: Dayjs) => {
    const text = d.format(format);
    return (min !== undefined && text < min) || (max !== undefined && text > max);
  };
  return (
    <DatePicker
      {...picker}
      picker={month ? 'month' : 'date'}
      format={format}
      value={value ? dayjs(value, format) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format(format) : '')}
      disabledDate={min !== undefined || max !== undefined ? outside : undefined}
    />
  );
}
