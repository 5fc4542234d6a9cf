import { useEffect, useState } from 'react';

interface Row {
  subsidyName: { zh: string };
  regionCode: string;
  recipient: string;
  idNumber?: string;
  unit?: string;
  post?: string;
  period?: string;
  standard: string;
  amountFen: number;
  status: 'publicised' | 'paid';
  publicityEndsOn?: string;
}

const REGIONS: [string, string][] = [
  ['510100', '成都市'],
  ['510104', '锦江区'],
  ['510105', '青羊区'],
  ['510106', '金牛区'],
];

/** 分 → “1,500.00”, by integer arithmetic. */
function yuan(fen: number): string {
  return `${Math.floor(fen / 100).toLocaleString('zh-CN')}.${String(fen % 100).padStart(2, '0')}`;
}

/** The public list of recipients (公示): names and ID numbers partly hidden by the server. */
export function DisclosureList() {
  const [region, setRegion] = useState('510100');
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/v1/disclosures?region=${region}&limit=200`, { signal: controller.signal, headers: { 'accept-language': 'zh-CN' } })
      .then(async (res) => {
        const body = (await res.json()) as { rows?: Row[]; total?: number; message?: string };
        if (!res.ok) throw new Error(body.message ?? res.statusText);
        setRows(body.rows ?? []);
        setTotal(body.total ?? 0);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => controller.abort();
  }, [region]);

  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 1100, margin: '0 auto', padding: 16 }}>
      <h1>惠民 · 就业补贴公示名单</h1>
      <p>
        <label>
          地区{' '}
          <select value={region} onChange={(e) => setRegion(e.target.value)}>
            {REGIONS.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>{' '}
        共 {total} 条 · <a href={`/api/v1/disclosures/export?region=${region}`}>下载 Excel</a> · <a href="#/">政策清单</a>
      </p>
      {error && <p role="alert">{error}</p>}
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            {['补贴项目', '姓名/单位', '身份证号', '工作单位', '岗位', '享受期间', '补贴标准', '金额(元)', '状态'].map((h) => (
              <th key={h} style={{ textAlign: 'left', borderBottom: '1px solid #ccc', padding: 4 }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td style={{ padding: 4 }}>{r.subsidyName.zh}</td>
              <td style={{ padding: 4 }}>{r.recipient}</td>
              <td style={{ padding: 4 }}>{r.idNumber ?? ''}</td>
              <td style={{ padding: 4 }}>{r.unit ?? ''}</td>
              <td style={{ padding: 4 }}>{r.post ?? ''}</td>
              <td style={{ padding: 4 }}>{r.period ?? ''}</td>
              <td style={{ padding: 4 }}>{r.standard}</td>
              <td style={{ padding: 4, textAlign: 'right' }}>{yuan(r.amountFen)}</td>
              <td style={{ padding: 4 }}>{r.status === 'paid' ? '已发放' : `公示中（至 ${r.publicityEndsOn ?? ''}）`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
