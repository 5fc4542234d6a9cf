import { useEffect, useState } from 'react';

interface Text {
  zh: string;
  en: string;
}
interface Listing {
  id: string;
  name: Text;
  inForce: boolean;
  statusReason?: { message: Text };
  scheme?: { basis: string; who: Text; standard: Text };
}

const REGIONS: [string, string][] = [
  ['510000', '四川省'],
  ['620000', '甘肃省'],
  ['621000', '庆阳市'],
  ['520000', '贵州省'],
];

export function PolicyList() {
  const [region, setRegion] = useState('510000');
  const [date, setDate] = useState(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));
  const [policies, setPolicies] = useState<Listing[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/v1/policies?region=${region}&date=${date}`, { signal: controller.signal, headers: { 'accept-language': 'zh-CN' } })
      .then(async (res) => {
        const body = (await res.json()) as { policies?: Listing[]; message?: string };
        if (!res.ok) throw new Error(body.message ?? res.statusText);
        setPolicies(body.policies ?? []);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => controller.abort();
  }, [region, date]);

  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 960, margin: '0 auto', padding: 16 }}>
      <h1>惠民 · 就业创业补贴政策清单</h1>
      <p>
        <a href="#/gongshi">公示名单</a>
      </p>
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
        <label>
          日期 <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
      </p>
      {error && <p role="alert">{error}</p>}
      <ul>
        {policies.map((p) => (
          <li key={p.id} style={{ marginBottom: 8, opacity: p.inForce ? 1 : 0.6 }}>
            <strong>{p.name.zh}</strong> — {p.inForce ? '施行中' : p.statusReason?.message.zh}
            {p.scheme && (
              <div>
                {p.scheme.who.zh}；{p.scheme.standard.zh}（{p.scheme.basis}）
              </div>
            )}
          </li>
        ))}
      </ul>
      <p>
        <a href="/api/docs">API 文档</a>
      </p>
    </main>
  );
}
