// @vitest-environment jsdom
/**
 * The stylesheet and the rendered screens together. jsdom lays nothing out, so the size of the controls of
 * the 明白卡, the details and the question panel is checked where it is set: every control on them uses a
 * theme class that reserves the 72 px target (and the 12 px gap between bars), and nothing overrides it.
 * The e2e accessibility test measures the painted boxes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { openStatement } from '../../renderer/test-support/flows';
import { renderKiosk, resetPage, tap } from '../../renderer/test-support/render-kiosk';
import { lin } from '../../renderer/test-support/residents';

// The renderer's own tests cannot read the stylesheet (no Node there, and vitest stubs CSS imports).
const theme = readFileSync(path.join(import.meta.dirname, '../../renderer/theme.css'), 'utf8');

afterEach(resetPage);

/** The declarations of the rule with exactly this selector. */
function rule(selector: string): Map<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = new RegExp(`(?:^|\\n)${escaped} \\{([^}]*)\\}`).exec(theme)?.[1];
  if (body === undefined) throw new Error(`theme.css has no rule ${selector}`);
  return new Map(
    body
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split(';')
      .map((declaration) => declaration.split(':').map((part) => part.trim()))
      .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] !== ''),
  );
}

// The target size and gap the theme's classes use, and which classes hold a control to it.
const TARGET_CLASSES: Record<string, (declarations: Map<string, string>) => boolean> = {
  button: (d) => d.get('min-height') === 'var(--target)' && d.get('min-width') === 'var(--target)',
  'year-bar': (d) => d.get('min-height') === 'var(--target)' && d.get('width') === '100%',
};

function expectEveryControlFullSize(): void {
  const controls = screen.getByRole('main').querySelectorAll('button');
  expect(controls.length).toBeGreaterThan(0);
  for (const control of controls) {
    const held = [...control.classList].filter((name) => name in TARGET_CLASSES);
    expect(held, control.textContent ?? '').not.toEqual([]);
    for (const name of held) expect(TARGET_CLASSES[name]?.(rule(`.${name}`))).toBe(true);
  }
}

describe('the controls of the 明白卡, the details and the question panel', () => {
  it('reserve 72 px targets with 12 px between them', () => {
    expect(rule(':root').get('--target')).toBe('4.5rem');
    expect(rule(':root').get('--gap')).toBe('0.75rem');
    expect(rule('.year-chart-bars').get('gap')).toBe('var(--gap)');
    for (const selector of ['.button.row-action', ".year-bar[aria-pressed='true']"]) {
      const declarations = rule(selector);
      for (const property of ['min-height', 'min-width', 'width', 'height'])
        expect(declarations.has(property), `${selector} ${property}`).toBe(false);
    }
  });

  it('all use those classes, on every screen of the journey', async () => {
    renderKiosk();
    await openStatement(lin);
    expectEveryControlFullSize();
    tap('详情：高龄津贴，2025年4月');
    await screen.findByText('县民政局');
    expectEveryControlFullSize();
    tap('有疑问');
    expectEveryControlFullSize();
    fireEvent.click(screen.getByRole('button', { name: '返回发放详情' }));
    expect(screen.getByRole('heading', { name: '发放详情' })).toBeDefined();
  });
});
