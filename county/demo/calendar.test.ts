import { describe, expect, it } from 'vitest';
import { addDays, addYears, ageOn, monthsFrom, shiftMonth } from './calendar';

describe('calendar arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('moves 29 February to 1 March in a year without one', () => {
    expect(addYears('2024-02-29', -1)).toBe('2023-03-01');
    expect(addYears('2025-06-10', -3)).toBe('2022-06-10');
  });

  it('counts age in whole years, turning on the birthday', () => {
    expect(ageOn('1945-06-10', '2025-06-09')).toBe(79);
    expect(ageOn('1945-06-10', '2025-06-10')).toBe(80);
  });

  it('lists months inclusive and shifts across years', () => {
    expect(monthsFrom('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsFrom('2025-03', '2025-02')).toEqual([]);
    expect(shiftMonth('2025-01-31', -1)).toBe('2024-12');
    expect(shiftMonth('2025-12-01', 1)).toBe('2026-01');
  });
});
