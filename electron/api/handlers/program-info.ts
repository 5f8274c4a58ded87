/**
 * A program's public facts for the details of a payment: who pays it, on what basis, how much per what, how
 * often, and whom to call. Public data, so no session is needed to ask.
 */
import type { ReplicaProgram } from '../../../domain/published/replica-format';
import type { Locale, ProgramInfoResult } from '../contract';

export function programInfo(
  input: { programCode: string; locale: Locale },
  programs: ReadonlyMap<string, ReplicaProgram>,
): ProgramInfoResult {
  const program = programs.get(input.programCode);
  if (!program) return { status: 'not-found' };
  // The county publishes names and units in Chinese and English only; other screen languages read Chinese.
  const english = input.locale === 'en';
  return {
    status: 'found',
    program: {
      code: program.code,
      name: english ? program.nameEn : program.nameZh,
      department: program.department,
      policyBasis: program.policyBasis,
      standardFen: program.standardFen,
      unit: english ? program.unitEn : program.unitZh,
      frequency: program.frequency,
      phone: program.phone,
    },
  };
}
