import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { metricListSchema } from '@/contract/metrics';
import { server } from '@mocks/node';
import { ApiError, apiGet } from './api-client';

const path = '/api/v1/metrics';

test('any answer that is not the contract’s becomes an ApiError naming the endpoint, never a crash', async () => {
  const answers = fc.record({
    status: fc.constantFrom(200, 200, 200, 201, 204, 400, 404, 418, 500, 503),
    body: fc.oneof(
      fc.json(),
      fc.string(),
      fc.constant(''),
      // Almost right: a list of figure-like objects with random fields.
      fc
        .array(
          fc.dictionary(
            fc.constantFrom('id', 'kind', 'value', 'label', 'sourceId', 'unit'),
            fc.jsonValue(),
          ),
          { maxLength: 3 },
        )
        .map((v) => JSON.stringify(v)),
    ),
  });
  await fc.assert(
    fc.asyncProperty(answers, async ({ status, body }) => {
      server.use(
        http.get(
          `*${path}`,
          () =>
            new HttpResponse(status === 204 ? null : body, {
              status,
              headers: { 'Content-Type': 'application/json' },
            }),
          {
            once: true,
          },
        ),
      );
      const outcome = await apiGet(path, metricListSchema).then(
        (data) => ({ data }),
        (error: unknown) => ({ error }),
      );
      if ('error' in outcome) {
        expect(outcome.error).toBeInstanceOf(ApiError);
        expect(outcome.error).toMatchObject({ endpoint: path });
        expect((outcome.error as ApiError).message.length).toBeGreaterThan(0);
      } else {
        // Only a body the contract accepts gets through.
        expect(metricListSchema.safeParse(outcome.data).success).toBe(true);
      }
    }),
    { numRuns: 150 },
  );
});
