/**
 * A small synthetic county in memory, for replicas, demos and tests: everything `streamDemoCounty` makes,
 * collected. Deterministic for a given seed and day. For large counties write the stream straight to the
 * master database instead (write-master.ts).
 */
import type { DemoCounty, DemoCountyOptions } from './model';
import { streamDemoCounty } from './stream';

export function generateDemoCounty(options: DemoCountyOptions): DemoCounty {
  const stream = streamDemoCounty(options);
  const county: DemoCounty = {
    countyName: stream.countyName,
    hotline: stream.hotline,
    regions: stream.regions,
    programs: stream.programs,
    persons: [],
    payments: [],
    anomalies: [],
  };
  for (const village of stream.villages()) {
    for (const resident of village.residents) county.persons.push(resident.person);
    for (const p of village.payments) {
      county.payments.push({
        idNumber: p.idNumber,
        programCode: p.programCode,
        period: p.period,
        amountFen: p.amountFen,
        plannedDate: p.plannedDate,
        paidDate: p.paidDate,
        ...(p.status === 'failed' ? { returned: true } : {}),
      });
    }
    county.anomalies.push(...village.anomalies);
  }
  return county;
}
