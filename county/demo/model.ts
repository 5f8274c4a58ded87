/**
 * The shapes of a generated demo county: the small in-memory `DemoCounty` (replicas, end-to-end tests) and
 * the village-by-village records the streaming generator hands to the master-database writer.
 */
import type { LocalDate } from '../../domain/dates';
import type { Sex } from '../../domain/id-number';

export interface DemoRegion {
  /** 15 digits for a group, 12 for a village, 9 for a township, 6 for the county (统计用区划代码 style). */
  code: string;
  name: string;
}

export interface DemoVillage extends DemoRegion {
  /** 村民小组 (居民小组 in an urban community). */
  groups: DemoRegion[];
}

export interface DemoTownship extends DemoRegion {
  villages: DemoVillage[];
}

export interface DemoRegions extends DemoRegion {
  townships: DemoTownship[];
}

export type DemoProgramFrequency = 'monthly' | 'quarterly' | 'yearly' | 'once';

/** One 资金项目, with everything the master database and the public guide say about it. */
export interface DemoProgram {
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  department: string;
  policyBasis: string;
  /** Per unit; null where the amount is decided case by case (临时救助, 农机购置补贴). */
  standardFen: number | null;
  unitZh: string;
  unitEn: string;
  frequency: DemoProgramFrequency;
  /** Who qualifies, how it is applied for and paid, and what to bring (Chinese, as the guide prints it). */
  eligibility: string;
  process: string;
  materials: string;
  phone: string;
}

export interface DemoPerson {
  idNumber: string;
  name: string;
  sex: Sex;
  birthDate: LocalDate;
  villageCode: string;
  householdId: string;
  alive: boolean;
}

/** One disbursement (发放) to one person for one program and period. */
export interface DemoPayment {
  idNumber: string;
  programCode: string;
  period: string;
  amountFen: number;
  plannedDate: LocalDate;
  paidDate: LocalDate | null;
  /** 发放失败/退回: the bank sent the money back (a frozen or closed account); it counts as not paid. */
  returned?: boolean;
}

export type AnomalyKind =
  'deceased-paid' | 'cadre-relative-dibao' | 'paid-twice' | 'over-standard' | 'shared-card-tail';

/** A finding planted on purpose, so the pre-audit (撞库比对) and its tests have something true to find. */
export interface DemoAnomaly {
  kind: AnomalyKind;
  /** The payee(s); for 'cadre-relative-dibao' the relative first, then the cadre. */
  idNumbers: string[];
  programCode: string;
  periods: string[];
  villageCode: string;
  /** For 'shared-card-tail': the tail every listed payee was paid to (a cadre's own card). */
  cardTail?: string;
  why: string;
}

export interface DemoCounty {
  countyName: string;
  hotline: string;
  regions: DemoRegions;
  programs: DemoProgram[];
  persons: DemoPerson[];
  payments: DemoPayment[];
  anomalies: DemoAnomaly[];
}

export interface DemoCountyOptions {
  residents: number;
  seed: number;
  /** The last day payments can have been made; later planned dates are pending. */
  today: LocalDate;
}

export type Relation = 'head' | 'spouse' | 'child' | 'parent' | 'other';

export interface HouseholdRecord {
  id: string;
  villageCode: string;
  groupCode: string;
}

export interface ResidentRecord {
  /** The row id in `persons`, numbered from 1 in generation order. */
  id: number;
  person: DemoPerson;
  relation: Relation;
  deceasedOn: LocalDate | null;
  /** The last four digits of the person's 一卡通 account; unique within a village. */
  cardTail: string;
}

export type PaymentRecordStatus = 'paid' | 'pending' | 'failed';

export interface PaymentRecord extends DemoPayment {
  personId: number;
  /** Mu, persons or subsidies in thousandths, where the program pays by quantity. */
  quantityMilli: number | null;
  /** The standard per unit in force for the period. */
  standardFen: number | null;
  status: PaymentRecordStatus;
  cardTail: string;
  /** e.g. '2025-03-农业-01'; a 补发 (re-issue) batch is numbered from 11. */
  batch: string;
}

export interface RosterRecord {
  programCode: string;
  villageCode: string;
  period: string;
  stage: 'before' | 'after';
  postedOn: LocalDate;
  objectionsUntil: LocalDate | null;
  entries: { personId: number; quantityMilli: number | null; amountFen: number }[];
}

export interface CadreRecord {
  /** The row id in `cadres`, numbered from 1. */
  id: number;
  personId: number;
  villageCode: string;
  post: string;
  termStart: LocalDate;
  termEnd: LocalDate | null;
  /** Declared relatives outside the cadre's household (those inside are found through the household). */
  relatives: { personId: number; relation: string }[];
}

export interface FinanceRecord {
  villageCode: string;
  month: string;
  direction: 'income' | 'expense';
  category: string;
  item: string;
  amountFen: number;
  voucher: string;
}

/** Everything generated for one village, in the order the master tables need it. */
export interface VillageChunk {
  villageCode: string;
  households: HouseholdRecord[];
  residents: ResidentRecord[];
  payments: PaymentRecord[];
  rosters: RosterRecord[];
  cadres: CadreRecord[];
  finances: FinanceRecord[];
  anomalies: DemoAnomaly[];
}
