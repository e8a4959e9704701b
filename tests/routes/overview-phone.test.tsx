import { screen, within } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { renderRoute } from '../test-utils';

/** A phone-width screen: `(max-width: 40rem)` matches. jsdom has no matchMedia of its own. */
function onAPhone() {
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => ({
      matches: query === '(max-width: 40rem)',
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    })),
  );
}

test('on a phone the overview keeps every card and points to the programmes for the charts', async () => {
  onAPhone();
  try {
    renderRoute('/?lang=en');
    expect(await screen.findAllByRole('article')).toHaveLength(8);
    const charts = screen.getByRole('region', { name: 'Charts' });
    expect(within(charts).queryByRole('img')).not.toBeInTheDocument();
    expect(within(charts).getByRole('link', { name: 'Initiatives' })).toHaveAttribute(
      'href',
      '/initiatives?lang=en',
    );
    // Who reported it and the sample flags stay on the cards.
    const openSpace = screen.getByRole('article', { name: 'Heads moved to the ground floor' });
    expect(within(openSpace).getByText('Sample data')).toBeVisible();
    expect(within(openSpace).getByText(/Reported by Serik Akhmet/)).toBeVisible();
  } finally {
    vi.unstubAllGlobals();
  }
});
