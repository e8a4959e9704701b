import { expect, test } from 'vitest';
import type { Metric } from '@/contract/metrics';
import type { Revision } from '@/contract/revisions';
import { bodyFromDraft, serverFieldErrors } from './proposal-body';
import { draftForCorrection, draftFromRevision, emptyDraft, NEW_FIGURE } from './proposal-draft';

const figures = [
  { id: 'okrugs', kind: 'count' },
  { id: 'share', kind: 'ratio' },
  { id: 'commission', kind: 'status' },
] as Metric[];

const filled = () => ({
  ...emptyDraft(),
  figure: 'okrugs',
  value: '1 234,5',
  period: '2026-11-30',
  sourceId: 'hearing',
  statedBy: ' Akimat ',
});

test('a filled draft becomes the contract body, numbers read as typed', () => {
  const result = bodyFromDraft(filled(), figures);
  expect(result).toEqual({
    body: expect.objectContaining({
      metricId: 'okrugs',
      newMetric: null,
      value: 1234.5,
      total: null,
      period: '2026-11-30',
      districtId: null,
      sourceId: 'hearing',
      newSource: null,
      statedBy: 'Akimat',
      corrects: null,
      correctionReason: null,
      note: null,
    }),
  });
});

test('every missing or malformed field is named, none sent', () => {
  const result = bodyFromDraft(
    { ...emptyDraft(), figure: 'share', value: 'abc', periodKind: 'year', period: '26' },
    figures,
  );
  expect(result).toEqual({
    errors: {
      value: { key: 'form.number' },
      total: { key: 'form.required' },
      period: { key: 'form.year' },
      sourceId: { key: 'form.chooseSource' },
      statedBy: { key: 'form.required' },
    },
  });
});

test('a new figure needs its labels in three languages, a slug and a period', () => {
  const draft = { ...filled(), figure: NEW_FIGURE, period: '' };
  draft.newMetric = { ...draft.newMetric, id: 'Bad Id', label: { kk: 'а', ru: '', en: 'a' } };
  const result = bodyFromDraft(draft, figures);
  expect('errors' in result && Object.keys(result.errors).sort()).toEqual(
    [
      'newMetric.id',
      'newMetric.initiativeId',
      'newMetric.label.ru',
      'newMetric.description.kk',
      'newMetric.description.ru',
      'newMetric.description.en',
      'period',
    ].sort(),
  );
});

test('a status figure sends its text, a new source its fields, a correction its reason', () => {
  const draft = {
    ...filled(),
    figure: 'commission',
    statusText: { kk: 'Жұмыс істейді', ru: 'Работает', en: 'At work' },
    sourceMode: 'new' as const,
    newSource: {
      title: 'Report',
      publisher: 'Akimat',
      date: '2026-11-01',
      url: 'not a link',
      kind: 'audit' as const,
    },
    corrects: 'rev-1',
  };
  expect(bodyFromDraft(draft, figures)).toEqual({
    errors: { 'newSource.url': { key: 'form.url' }, correctionReason: { key: 'form.required' } },
  });
  const fixed = {
    ...draft,
    newSource: { ...draft.newSource, url: '' },
    correctionReason: 'Typo in the report',
  };
  expect(bodyFromDraft(fixed, figures)).toEqual({
    body: expect.objectContaining({
      value: null,
      statusText: { kk: 'Жұмыс істейді', ru: 'Работает', en: 'At work' },
      newSource: expect.objectContaining({ url: null, kind: 'audit' }),
      corrects: 'rev-1',
      correctionReason: 'Typo in the report',
    }),
  });
});

test("the server's field problems are split by field; the rest stays whole", () => {
  expect(
    serverFieldErrors('value: Invalid input; metricId: no such figure; Unrecognized key'),
  ).toEqual({
    fields: {
      value: { key: 'form.server', message: 'Invalid input' },
      figure: { key: 'form.server', message: 'no such figure' },
    },
    rest: ['Unrecognized key'],
  });
});

test('a saved revision opens as typed; a correction starts from the published one', () => {
  const revision = {
    id: 'rev-1',
    metricId: 'okrugs',
    newMetric: null,
    value: 150,
    total: null,
    statusText: null,
    period: '2026',
    districtId: 'aral',
    sourceId: 'hearing',
    newSource: null,
    statedBy: 'Akimat',
    evidence: [
      { id: 'ev', name: 'a.pdf', type: 'application/pdf', size: 3, sha256: 'a'.repeat(64) },
    ],
    corrects: null,
    correctionReason: null,
    note: 'check',
  } as Revision;
  const draft = draftFromRevision(revision);
  expect(draft).toMatchObject({
    value: '150',
    periodKind: 'year',
    districtId: 'aral',
    note: 'check',
  });
  expect(draftForCorrection(revision)).toMatchObject({
    value: '150',
    corrects: 'rev-1',
    evidence: [],
    note: '',
  });
});
