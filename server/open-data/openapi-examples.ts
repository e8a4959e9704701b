import { initiatives } from '../../mocks/fixtures/initiatives';
import { metrics } from '../../mocks/fixtures/metrics';
import { region } from '../../mocks/fixtures/region';
import { sources } from '../../mocks/fixtures/sources';
import type { OpenApiExamples } from './openapi';

/** Example answers: the hearing as the fixtures (and so a fresh database) hold it. */
export function fixtureExamples(): OpenApiExamples {
  const initiative = initiatives[0];
  return {
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
