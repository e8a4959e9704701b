import { initiatives } from '../../mocks/fixtures/initiatives';
import { metrics } from '../../mocks/fixtures/metrics';
import { hearingRevision } from '../../mocks/fixtures/revisions';
import { region } from '../../mocks/fixtures/region';
import { sources } from '../../mocks/fixtures/sources';
import type { Metric } from '../../src/contract/metrics';
import type { OpenApiExamples } from './openapi';

/** Example answers: the hearing as the fixtures (and so a fresh database) hold it. */
export function fixtureExamples(): OpenApiExamples {
  const initiative = initiatives[0];
  const metric = metrics[0] as Metric;
  const revision = { ...hearingRevision(metric), logIndex: 0 };
  const EXAMPLE_TIME = revision.publishedAt;
  return {
    history: { metricId: metric.id, revisions: [revision], page: 1, pageSize: 100, total: 1 },
    changes: {
      changes: [
        {
          id: `publication:${revision.id}`,
          kind: 'publication',
          at: EXAMPLE_TIME,
          metricId: metric.id,
          initiativeId: metric.initiativeId,
          label: metric.label,
          revision,
          by: null,
          reason: null,
        },
      ],
      page: 1,
      pageSize: 20,
      total: 1,
    },
    region,
    initiatives,
    initiative: initiative && {
      initiative,
      metrics: metrics.filter((m) => m.initiativeId === initiative.id),
    },
    metrics,
    sources,
    source: sources[0],
  };
}
