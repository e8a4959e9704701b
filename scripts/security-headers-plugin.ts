import type { ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { HtmlPolicies } from '../server/http/csp';
import { securityHeadersFor } from '../server/http/security-headers';

/**
 * `vite preview` (the mock-API build the browser tests run) sends the same security headers as
 * the server: the same function, the same per-file hashes read from the build when the preview
 * starts. So a CSP violation shows in the browser tests of both builds. Not for `vite dev`,
 * whose injected scripts are not in the build.
 */
export function securityHeadersPlugin(): Plugin {
  return {
    name: 'ashyq-security-headers',
    configurePreviewServer(server) {
      const policies = HtmlPolicies.fromDist(
        resolve(server.config.root, server.config.build.outDir),
      );
      server.middlewares.use((req, res: ServerResponse, next) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
        // Headers are decided when the answer starts: only then is its Content-Type known.
        res.writeHead = ((...args: unknown[]) => {
          const type = res.getHeader('content-type');
          const headers = securityHeadersFor({
            path,
            contentType: typeof type === 'string' ? type : null,
            https: false,
            policies,
          });
          for (const [name, value] of Object.entries(headers)) {
            if (!res.hasHeader(name)) res.setHeader(name, value);
          }
          return writeHead(...args);
        }) as ServerResponse['writeHead'];
        next();
      });
    },
  };
}
