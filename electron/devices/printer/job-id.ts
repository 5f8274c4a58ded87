import { randomBytes } from 'node:crypto';
import { COUNTY_TIME_ZONE } from '../../../domain/dates';

const clock = new Intl.DateTimeFormat('en-US', {
  timeZone: COUNTY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * A print job id such as `20261124-161803-a3f9`: county local time, so ids sort by time (the zone has no
 * daylight saving) and staff can match a file to a visit, plus random hex so jobs in one second differ.
 */
export function newJobId(now: Date = new Date()): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    clock.formatToParts(now).find((p) => p.type === type)?.value ?? '';
  const date = `${part('year')}${part('month')}${part('day')}`;
  const time = `${part('hour')}${part('minute')}${part('second')}`;
  return `${date}-${time}-${randomBytes(2).toString('hex')}`;
}
