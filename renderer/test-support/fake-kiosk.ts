/**
 * An in-memory KioskApi for component and flow tests: it answers like the main process does (validated
 * number, name must match, masked identity, a session per opened record) and records what it was asked,
 * without ever keeping more than the test gave it.
 */
import type {
  ApiError,
  ApiResult,
  CardWait,
  DeviceStatus,
  KioskApi,
  PrintJobStatus,
  LookupResult,
  PaymentView,
  PrintResult,
  ProgramInfo,
  SiteInfo,
} from '../../electron/api/contract';
import { parseIdNumber } from '../../domain/id-number';
import { mask } from '../../domain/masking';
import { createFakeHelperDesk, type FakeHelperDesk } from '../helper/fake-helper-desk';

export interface FakeResident {
  idNumber: string;
  name: string;
  payments: PaymentView[];
}

/** What the fake printer does next: print, fail with a printer reason, or not answer at all. */
export type FakePrinterOutcome = PrintResult | 'unreachable';

export interface FakeKiosk extends KioskApi {
  /** Outcomes of the next print calls in order; once used up, receipts print. */
  printerOutcomes: FakePrinterOutcome[];
  /** Whether lookups answer with a failed envelope, as when the main process cannot be reached. */
  lookupUnreachable: boolean;
  readonly openSessions: ReadonlySet<string>;
  readonly endedSessions: readonly string[];
  /** How many times the screen said it went back to the start on idle. */
  readonly idleTimeouts: number;
  readonly printRequests: readonly { sessionId: string; year: number; locale: string }[];
  /** What `printJobStatus` answers per job; a job not listed is `unknown-job`. */
  readonly jobStatuses: Map<string, PrintJobStatus>;
  readonly cancelledJobs: readonly string[];
  deviceStatus: DeviceStatus;
  /** Answers the screen's pending (or next) wait for a card, as the main process would after a read. */
  cardNews(news: Omit<CardWait, 'seq'>): void;
  /** Whether program facts answer with a failed envelope. */
  programInfoUnreachable: boolean;
  readonly programInfoRequests: readonly { programCode: string; locale: string }[];
  /** Helper mode's side of the main process: its answers and what it was asked. */
  readonly helper: FakeHelperDesk;
}

/** A program's public facts in both published languages, as the replica holds them. */
export interface FakeProgram extends Omit<ProgramInfo, 'name' | 'unit'> {
  name: { 'zh-CN': string; en: string };
  unit: { 'zh-CN': string; en: string };
}

/** The programs of the test residents' payments. */
export const fakePrograms: readonly FakeProgram[] = [
  {
    code: 'GDDL',
    name: { 'zh-CN': '耕地地力保护补贴', en: 'Farmland fertility protection subsidy' },
    department: '县农业农村局',
    policyBasis: '财农〔2016〕26号',
    standardFen: 11250,
    unit: { 'zh-CN': '元/亩/年', en: 'yuan per mu per year' },
    frequency: 'yearly',
    phone: '0591-22223333',
  },
  {
    code: 'GLJT',
    name: { 'zh-CN': '高龄津贴', en: 'Old-age allowance' },
    department: '县民政局',
    policyBasis: '县高龄津贴发放办法',
    standardFen: 10000,
    unit: { 'zh-CN': '元/人/月', en: 'yuan per person per month' },
    frequency: 'monthly',
    phone: '0591-44445555',
  },
];

export const fakeSiteInfo: SiteInfo = {
  kioskId: 'kiosk-test-01',
  siteName: '城关镇便民服务中心',
  township: '城关镇',
  village: null,
  hotline: '0591-12345678',
  languages: ['zh-CN', 'en'],
  defaultLanguage: 'zh-CN',
  idleSeconds: 90,
  idleWarningSeconds: 30,
  textScale: 1,
  data: { version: 7, asOf: '2025-06-30T16:30:00.000Z', stale: false },
};

const unreachable: { ok: false; error: ApiError } = {
  ok: false,
  error: { code: 'internal', message: 'host unreachable', issues: [] },
};

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });

export function createFakeKiosk(
  options: {
    residents?: readonly FakeResident[];
    siteInfo?: Partial<SiteInfo>;
    programs?: readonly FakeProgram[];
  } = {},
): FakeKiosk {
  const siteInfo = { ...fakeSiteInfo, ...options.siteInfo };
  const residents = options.residents ?? [];
  const programs = options.programs ?? fakePrograms;
  const programInfoRequests: { programCode: string; locale: string }[] = [];
  const openSessions = new Map<string, FakeResident>();
  const endedSessions: string[] = [];
  const printRequests: { sessionId: string; year: number; locale: string }[] = [];
  let sessionCount = 0;
  let idleTimeouts = 0;
  let jobCount = 0;
  const jobStatuses = new Map<string, PrintJobStatus>();
  const cancelledJobs: string[] = [];
  let cardSeq = 0;
  const cardQueue: CardWait[] = [];
  let cardWaiter: ((wait: CardWait) => void) | null = null;
  const helper = createFakeHelperDesk((sessionId) => openSessions.has(sessionId));

  const fake: FakeKiosk = {
    printerOutcomes: [],
    lookupUnreachable: false,
    get openSessions() {
      return new Set(openSessions.keys());
    },
    endedSessions,
    printRequests,
    jobStatuses,
    cancelledJobs,
    deviceStatus: { printer: 'ready', cardReader: 'ready' },
    programInfoUnreachable: false,
    programInfoRequests,
    helper,
    ...helper.operations,
    cardNews(news) {
      cardSeq += 1;
      const wait = { ...news, seq: cardSeq };
      if (cardWaiter) {
        const waiter = cardWaiter;
        cardWaiter = null;
        waiter(wait);
      } else cardQueue.push(wait);
    },
    async printJobStatus({ jobId }) {
      return ok(jobStatuses.get(jobId) ?? { state: 'unknown-job' });
    },
    async cancelPrint({ jobId }) {
      cancelledJobs.push(jobId);
      const status = jobStatuses.get(jobId);
      const after: PrintJobStatus = status?.state === 'printed' ? status : { state: 'cancelled' };
      jobStatuses.set(jobId, after);
      return ok(after);
    },
    async getDeviceStatus() {
      return ok(fake.deviceStatus);
    },
    waitForCard() {
      const queued = cardQueue.shift();
      if (queued) return Promise.resolve(ok(queued));
      // Like the main process, at most one wait is answered; a newer wait replaces an older one.
      return new Promise((resolve) => (cardWaiter = (wait) => resolve(ok(wait))));
    },
    async getSiteInfo() {
      return ok(siteInfo);
    },
    async lookupResident({ idNumber, name }): Promise<ApiResult<LookupResult>> {
      if (fake.lookupUnreachable) return unreachable;
      const parsed = parseIdNumber(idNumber);
      if (!parsed.ok) return ok({ status: 'invalid-id', reason: parsed.problem.reason });
      const resident = residents.find((r) => r.idNumber === parsed.id.value && r.name === name.trim());
      if (!resident) return ok({ status: 'not-found' });
      sessionCount += 1;
      const sessionId = sessionCount.toString(16).padStart(32, '0');
      openSessions.set(sessionId, resident);
      return ok({
        status: 'found',
        resident: {
          sessionId,
          maskedName: mask('name', resident.name),
          maskedIdNumber: mask('idNumber', resident.idNumber),
          payments: resident.payments,
        },
      });
    },
    async printReceipt(input): Promise<ApiResult<PrintResult>> {
      printRequests.push(input);
      const outcome = fake.printerOutcomes.shift();
      if (outcome === 'unreachable') return unreachable;
      if (outcome) return ok(outcome);
      if (!openSessions.has(input.sessionId)) return ok({ status: 'failed', reason: 'session-expired' });
      jobCount += 1;
      return ok({ status: 'printed', jobId: `job-${jobCount}` });
    },
    async getProgramInfo({ programCode, locale }) {
      programInfoRequests.push({ programCode, locale });
      if (fake.programInfoUnreachable) return unreachable;
      const program = programs.find((p) => p.code === programCode);
      if (!program) return ok({ status: 'not-found' });
      const language = locale === 'en' ? 'en' : 'zh-CN';
      return ok({
        status: 'found',
        program: { ...program, name: program.name[language], unit: program.unit[language] },
      });
    },
    async endSession({ sessionId }) {
      endedSessions.push(sessionId);
      return ok({ ended: openSessions.delete(sessionId) });
    },
    async noteIdleTimeout() {
      idleTimeouts += 1;
      return ok({ counted: true });
    },
    get idleTimeouts() {
      return idleTimeouts;
    },
  };
  return fake;
}
