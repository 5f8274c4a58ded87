import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_MESSAGE_MAX_CHARS,
  COUNTY_API_ERROR_STATUS,
  complaintReceiptSchema,
  complaintSchema,
  errorBodySchema,
  heartbeatAnswerSchema,
  heartbeatSchema,
  heartbeatSchemaOn,
  usageCountSchema,
  usageDayWindow,
  type ComplaintInput,
} from './county-api';
import { USAGE_KINDS } from './usage-kinds';

const heartbeat = {
  dataVersion: 12,
  appVersion: '0.1.0',
  devices: { printer: 'ready', cardReader: 'unknown' },
  at: '2026-03-05T08:30:00.123Z',
};

const complaint: ComplaintInput = {
  clientKey: '6F9619FF-8B86-4011-B42D-00C04FC964FF',
  createdAt: '2026-03-05T16:30:00+08:00',
  category: 'missing',
  programCode: 'elderly-allowance',
  message: '  高龄津贴三月份没有到账。\n请核实。 ',
  contact: { name: '欧阳明', phone: '138 0013 8000' },
  personRef: { idNumber: '35990119560312123９' },
};

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('heartbeatSchema', () => {
  it('accepts a heartbeat, and one from a terminal that has no data yet', () => {
    expect(heartbeatSchema.parse(heartbeat)).toEqual(heartbeat);
    expect(heartbeatSchema.parse({ ...heartbeat, dataVersion: null }).dataVersion).toBeNull();
  });

  it.each([
    ['dataVersion', { ...heartbeat, dataVersion: 1.5 }],
    ['dataVersion', { ...heartbeat, dataVersion: -1 }],
    ['appVersion', { ...heartbeat, appVersion: 'latest' }],
    ['devices.printer', { ...heartbeat, devices: { printer: 'on fire', cardReader: 'ready' } }],
    ['devices.cardReader', { ...heartbeat, devices: { printer: 'ready' } }],
    ['at', { ...heartbeat, at: '2026-03-05 08:30' }],
  ])('names the field %s when it is wrong', (path, body) => {
    expect(issuePaths(heartbeatSchema.safeParse(body))).toContain(path);
  });

  it('ignores fields it does not know, so newer terminals still get through', () => {
    expect(heartbeatSchema.parse({ ...heartbeat, uptimeSeconds: 5 })).not.toHaveProperty('uptimeSeconds');
  });

  it('describes the answer', () => {
    const answer = { ok: true, serverTime: '2026-03-05T08:30:01Z', latestVersion: null };
    expect(heartbeatAnswerSchema.parse(answer)).toEqual(answer);
    expect(heartbeatAnswerSchema.safeParse({ ...answer, ok: false }).success).toBe(false);
  });
});

describe('usage counts in a heartbeat', () => {
  const count = { day: '2026-03-05', kind: 'lookup', count: 12 };

  it('accepts every known kind on a real day', () => {
    for (const kind of USAGE_KINDS) expect(usageCountSchema.parse({ ...count, kind }).kind).toBe(kind);
    expect(usageCountSchema.parse({ ...count, day: '2024-02-29', count: 0 }).day).toBe('2024-02-29');
  });

  it.each([
    ['day', { day: '2026-02-31' }, 'must be a real calendar date YYYY-MM-DD'],
    ['day', { day: '2026-13-01' }, 'must be a real calendar date YYYY-MM-DD'],
    ['day', { day: '2026-3-5' }, 'must be a real calendar date YYYY-MM-DD'],
    ['kind', { kind: 'Lookup' }, 'must be one of lookup, lookup-not-found'],
    ['kind', { kind: 'lookups' }, 'must be one of'],
    ['count', { count: -1 }, ''],
    ['count', { count: 1.5 }, ''],
    ['count', { count: 1_000_001 }, ''],
  ])('refuses a wrong %s: %j', (path, change, message) => {
    const result = usageCountSchema.safeParse({ ...count, ...change });
    expect(issuePaths(result)).toEqual([path]);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it("takes days from 400 days before the county's today to one day after it", () => {
    expect(usageDayWindow('2026-03-05')).toEqual({ earliest: '2025-01-29', latest: '2026-03-06' });
    const on = heartbeatSchemaOn('2026-03-05');
    const counters = ['2025-01-29', '2026-03-06'].map((day) => ({ ...count, day }));
    expect(on.parse({ ...heartbeat, counters }).counters).toEqual(counters);
    for (const day of ['2025-01-28', '2026-03-07', '9999-12-31', '1970-01-01']) {
      const result = on.safeParse({ ...heartbeat, counters: [count, { ...count, day }] });
      expect(issuePaths(result), day).toEqual(['counters.1.day']);
      expect(result.error?.issues[0]?.message).toBe(
        "must be from 2025-01-29 to 2026-03-06 (the county's today in Asia/Shanghai is 2026-03-05)",
      );
    }
  });

  it('refuses a day and kind counted twice in one heartbeat', () => {
    const result = heartbeatSchema.safeParse({ ...heartbeat, counters: [count, { ...count, count: 13 }] });
    expect(issuePaths(result)).toEqual(['counters.1']);
  });
});

describe('complaintSchema', () => {
  it('normalizes what a terminal sends: key case, trimmed text, phone and ID number as stored', () => {
    const parsed = complaintSchema.parse(complaint);
    expect(parsed.clientKey).toBe('6f9619ff-8b86-4011-b42d-00c04fc964ff');
    expect(parsed.message).toBe('高龄津贴三月份没有到账。\n请核实。');
    expect(parsed.contact).toEqual({ name: '欧阳明', phone: '13800138000' });
    expect(parsed.personRef).toEqual({ idNumber: '359901195603121239' });
  });

  it('needs only the key, the time, the category and the message', () => {
    const minimal = {
      clientKey: complaint.clientKey,
      createdAt: complaint.createdAt,
      category: 'other',
      message: '打印机没有纸了',
    };
    expect(complaintSchema.parse(minimal)).toEqual({
      ...minimal,
      clientKey: minimal.clientKey.toLowerCase(),
    });
  });

  it('counts the message limit in characters, so rare characters outside the BMP count once', () => {
    const rare = '𠀾'.repeat(COMPLAINT_MESSAGE_MAX_CHARS);
    expect(rare.length).toBe(2 * COMPLAINT_MESSAGE_MAX_CHARS);
    expect(complaintSchema.safeParse({ ...complaint, message: rare }).success).toBe(true);
    expect(issuePaths(complaintSchema.safeParse({ ...complaint, message: `${rare}多` }))).toEqual([
      'message',
    ]);
  });

  it.each([
    ['clientKey', { clientKey: 'complaint-1' }],
    ['createdAt', { createdAt: '2026-03-05' }],
    ['category', { category: 'angry' }],
    ['programCode', { programCode: '高龄 津贴' }],
    ['message', { message: '   ' }],
    ['message', { message: 'bell\u0007' }],
    ['contact.phone', { contact: { phone: '12345' } }],
    ['contact.name', { contact: { name: '', phone: '13800138000' } }],
    ['personRef.idNumber', { personRef: { idNumber: '359901195603121230' } }],
  ])('names the field %s when it is wrong', (path, change) => {
    expect(issuePaths(complaintSchema.safeParse({ ...complaint, ...change }))).toEqual([path]);
  });

  it('accepts a landline with its area code', () => {
    const parsed = complaintSchema.parse({ ...complaint, contact: { phone: '0591-8765 4321' } });
    expect(parsed.contact?.phone).toBe('059187654321');
  });

  it('describes the receipt', () => {
    expect(complaintReceiptSchema.parse({ id: 7, receivedAt: '2026-03-05T08:30:01Z' }).id).toBe(7);
    expect(complaintReceiptSchema.safeParse({ id: 0, receivedAt: '2026-03-05T08:30:01Z' }).success).toBe(
      false,
    );
  });
});

describe('errorBodySchema', () => {
  it('accepts every error code the server uses, with or without field issues', () => {
    for (const code of Object.keys(COUNTY_API_ERROR_STATUS)) {
      expect(errorBodySchema.safeParse({ error: { code, message: 'x' } }).success).toBe(true);
    }
    const invalid = {
      error: { code: 'invalid-body', message: 'at: bad', issues: [{ path: 'at', message: 'bad' }] },
    };
    expect(errorBodySchema.parse(invalid)).toEqual(invalid);
    expect(errorBodySchema.safeParse({ error: { code: 'teapot', message: 'x' } }).success).toBe(false);
  });
});
