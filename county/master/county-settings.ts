/** The county row and named settings of the master database, read and written in one place. */
import { z } from 'zod';
import { kdfParamsSchema, type KdfParams } from '../../domain/published/replica-format';
import type { MasterDatabase } from './open-master';

export interface CountyFacts {
  code: string;
  name: string;
  hotline: string;
}

const SETTINGS = {
  kdf: kdfParamsSchema,
  /** Rosters older than this many months are not published (公示 is for a window, not for ever). */
  roster_window_months: z.number().int().positive(),
  /** How long a published manifest stays valid; a terminal past it says its data is old. */
  manifest_expiry_days: z.number().int().positive(),
} as const;
type Settings = { [K in keyof typeof SETTINGS]: z.infer<(typeof SETTINGS)[K]> };
export type SettingName = keyof Settings;

export const DEFAULT_SETTINGS: Omit<Settings, 'kdf'> = {
  roster_window_months: 24,
  manifest_expiry_days: 7,
};

export function readCounty(db: MasterDatabase): CountyFacts | null {
  const row = db.prepare('SELECT code, name, hotline FROM county WHERE id = 1').get() as
    CountyFacts | undefined;
  return row ?? null;
}

export function writeCounty(db: MasterDatabase, facts: CountyFacts, now: Date): void {
  db.prepare(
    `INSERT INTO county (id, code, name, hotline, created_at) VALUES (1, @code, @name, @hotline, @createdAt)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, hotline = excluded.hotline`,
  ).run({ ...facts, createdAt: now.toISOString() });
}

export function readSetting<K extends SettingName>(db: MasterDatabase, name: K): Settings[K] | null {
  const text = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(name) as string | undefined;
  if (text === undefined) {
    return name in DEFAULT_SETTINGS ? (DEFAULT_SETTINGS as Settings)[name] : null;
  }
  return SETTINGS[name].parse(JSON.parse(text)) as Settings[K];
}

export function writeSetting<K extends SettingName>(db: MasterDatabase, name: K, value: Settings[K]): void {
  const checked = SETTINGS[name].parse(value);
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(name, JSON.stringify(checked));
}

export function readKdf(db: MasterDatabase): KdfParams | null {
  return readSetting(db, 'kdf');
}
