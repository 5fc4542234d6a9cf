import { isWithinRegion } from '@huimin/policy/regions';
import { Select } from 'antd';
import { useRegionChoices, useRegions } from './regions-context.js';

export { RegionsProvider, useRegionChoices, useRegionName, useRegions } from './regions-context.js';

/** The desks' region picker, searchable; the public policy list uses the browser's own select. */
export function RegionSelect({
  value,
  onChange,
  id,
  within,
}: {
  value: string;
  onChange: (code: string) => void;
  id?: string;
  /** Offer only this region and those under it (a desk's own regions): another province would be refused. */
  within?: string;
}) {
  const all = useRegions();
  const regions = within ? all.filter((r) => isWithinRegion(r.code, within)) : all;
  const choices = useRegionChoices(regions);
  return (
    <Select
      id={id}
      style={{ minWidth: 200 }}
      value={value}
      onChange={onChange}
      // Found by name, or by code for staff who know them; shown by name only.
      showSearch={{
        filterOption: (input, option) => {
          const typed = input.trim().toLowerCase();
          return !!option && (option.label.toLowerCase().includes(typed) || option.value.startsWith(typed));
        },
      }}
      options={choices}
    />
  );
}
