import { describe, expect, it } from 'vitest';
import { loadConfig, trustProxy } from './config.js';

describe('HUIMIN_TRUST_PROXY', () => {
  it('is off unless set', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(trustProxy('')).toBe(false);
    expect(trustProxy('0')).toBe(false);
  });

  it('takes a hop count or a list of proxy addresses and CIDR ranges', () => {
    expect(loadConfig({ HUIMIN_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(trustProxy('10.0.0.1, 172.16.0.0/12,::1,fd00::/8, loopback')).toEqual([
      '10.0.0.1',
      '172.16.0.0/12',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses anything else, "trust everyone" included', () => {
    for (const value of ['true', 'yes', '10.0.0.0/33', '10.0.0', 'proxy.example.com', '1.2.3.4/8/8'])
      expect(() => trustProxy(value), value).toThrow(/HUIMIN_TRUST_PROXY/);
  });
});

describe('HUIMIN_SMS_IN_FLIGHT', () => {
  it('lets eight messages await the gateway unless set, and takes a positive whole number', () => {
    expect(loadConfig({}).smsInFlight).toBe(8);
    expect(loadConfig({ HUIMIN_SMS_IN_FLIGHT: '2' }).smsInFlight).toBe(2);
    for (const value of ['0', '-3', 'many', '2.5'])
      expect(() => loadConfig({ HUIMIN_SMS_IN_FLIGHT: value }), value).toThrow(/HUIMIN_SMS_IN_FLIGHT/);
  });
});

describe('HUIMIN_EMBEDDED_BUFFER_MB', () => {
  it('leaves the embedded database its default unless set, and takes a positive number of MB', () => {
    expect(loadConfig({}).embeddedBufferMegabytes).toBeUndefined();
    expect(loadConfig({ HUIMIN_EMBEDDED_BUFFER_MB: '128' }).embeddedBufferMegabytes).toBe(128);
    for (const value of ['0', '-1', '512MB', '1.5'])
      expect(() => loadConfig({ HUIMIN_EMBEDDED_BUFFER_MB: value }), value).toThrow(/HUIMIN_EMBEDDED_BUFFER_MB/);
  });
});
