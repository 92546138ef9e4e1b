import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';

describe('retention settings', () => {
  it('keeps placements a year after they end, delivery rows 90 days and audit entries two years by default', () => {
    expect(loadConfig({})).toMatchObject({ retentionEnabled: true, RETENTION_PLACEMENT_DAYS: 365, RETENTION_DELIVERY_DAYS: 90, RETENTION_AUDIT_DAYS: 730 });
    expect(loadConfig({ RETENTION: 'off' }).retentionEnabled).toBe(false);
    expect(loadConfig({ RETENTION_PLACEMENT_DAYS: '180', RETENTION_AUDIT_DAYS: '365' })).toMatchObject({ RETENTION_PLACEMENT_DAYS: 180, RETENTION_AUDIT_DAYS: 365 });
  });

  it('says what is wrong with a period', () => {
    expect(() => loadConfig({ RETENTION_PLACEMENT_DAYS: '7' })).toThrowError(/RETENTION_PLACEMENT_DAYS must be at least 30/);
    expect(() => loadConfig({ RETENTION_DELIVERY_DAYS: '14' })).toThrowError(/RETENTION_DELIVERY_DAYS must be at least 35/);
    expect(() => loadConfig({ RETENTION_AUDIT_DAYS: 'a year' })).toThrowError(/RETENTION_AUDIT_DAYS must be a number of days/);
    expect(() => loadConfig({ RETENTION_DELIVERY_DAYS: '90.5' })).toThrowError(/whole number of days/);
    expect(() => loadConfig({ RETENTION_AUDIT_DAYS: '200' })).toThrowError(/RETENTION_AUDIT_DAYS \(200\) must be at least RETENTION_PLACEMENT_DAYS \(365\)/);
    expect(loadConfig({ RETENTION: 'off', RETENTION_AUDIT_DAYS: '200' }).retentionEnabled).toBe(false);
  });
});
