import { z } from 'zod/mini';

// zod 4 probes whether `new Function` works the first time it builds an object schema, to compile
// faster parsers. The page's Content-Security-Policy forbids eval, so the probe is reported as a
// violation (even though zod catches the error). Jitless parsing is plenty fast for our answers.
// This module must be imported before anything that defines a schema.
z.config({ jitless: true });
