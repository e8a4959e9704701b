/** The rows every import of the crash test sets, all to the import's number n. */
export const PERIODS = Array.from({ length: 12 }, (_, i) => String(2001 + i));
export const DISTRICTS = [
  'aral',
  'kazaly',
  'karmakshy',
  'zhalagash',
  'syrdarya',
  'shieli',
  'zhanakorgan',
];

export function importText(n: number): string {
  return [
    'metric,value,period,district',
    `public-receptions,${n},,`,
    ...PERIODS.map((period) => `open-dialogue-answers,${n},${period},`),
    ...DISTRICTS.map((district) => `project-office-okrugs,${n},,${district}`),
  ].join('\n');
}
