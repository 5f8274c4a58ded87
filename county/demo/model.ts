/** The shape of a generated demo county; the county master database will hold the same facts at scale. */
import type { LocalDate } from '../../domain/dates';
import type { Sex } from '../../domain/id-number';
import type { ReplicaProgram } from '../../domain/published/replica-format';

export interface DemoRegion {
  /** 12 digits for a village, 9 for a township, 6 for the county (统计用区划代码 style). */
  code: string;
  name: string;
}

export interface DemoTownship extends DemoRegion {
  villages: DemoRegion[];
}

export interface DemoRegions extends DemoRegion {
  townships: DemoTownship[];
}

export type DemoProgram = ReplicaProgram;

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
}

export interface DemoCounty {
  countyName: string;
  hotline: string;
  regions: DemoRegions;
  programs: DemoProgram[];
  persons: DemoPerson[];
  payments: DemoPayment[];
}

export interface DemoCountyOptions {
  residents: number;
  seed: number;
  /** The last day payments can have been made; later planned dates are pending. */
  today: LocalDate;
}
