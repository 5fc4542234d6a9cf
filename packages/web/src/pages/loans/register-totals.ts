/** What a region's row of the loan register adds up from. */
export interface RegionDefaults {
  readonly defaulted: number;
  readonly disbursed: number;
}

/**
 * The caller's regions' default rate as one figure, per mille: all defaults over all loans
 * disbursed, not an average of the regions' rates (a county with two loans would weigh as much as
 * the city). Rounded as the server rounds each region's.
 */
export function totalRatePermille(rows: readonly RegionDefaults[]): number {
  const disbursed = rows.reduce((s, r) => s + r.disbursed, 0);
  const defaulted = rows.reduce((s, r) => s + r.defaulted, 0);
  return disbursed === 0 ? 0 : Math.round((defaulted * 1000) / disbursed);
}
