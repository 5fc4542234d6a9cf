import { Select } from 'antd';
import { useRegionName, useRegions } from './regions-context.js';

export { RegionsProvider, useRegionName, useRegions } from './regions-context.js';

/** The desks' region picker, searchable; the public policy list uses the browser's own select. */
export function RegionSelect({
  value,
  onChange,
  id,
}: {
  value: string;
  onChange: (code: string) => void;
  id?: string;
}) {
  const regions = useRegions();
  const name = useRegionName();
  return (
    <Select
      id={id}
      style={{ minWidth: 200 }}
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      options={regions.map((r) => ({ value: r.code, label: `${name(r.code)} ${r.code}` }))}
    />
  );
}
