import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

const ISO = 'YYYY-MM-DD';

/**
 * A day picked or typed as the ISO text a form sends (2026-12-07), in antd's picker, which follows
 * the page's language. A native date input follows the browser's instead: an English browser
 * showed 12/07/2026 on a Chinese page, and a Chinese one 2026/12/07 on an English page.
 */
export function IsoDateInput({
  id,
  value,
  onChange,
  min,
  max,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  /** The first and last days that may be chosen, as ISO dates. */
  min?: string;
  max?: string;
}) {
  const outside = (d: Dayjs) => {
    const day = d.format(ISO);
    return (min !== undefined && day < min) || (max !== undefined && day > max);
  };
  return (
    <DatePicker
      id={id}
      format={ISO}
      value={value ? dayjs(value, ISO) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format(ISO) : '')}
      disabledDate={min !== undefined || max !== undefined ? outside : undefined}
    />
  );
}
