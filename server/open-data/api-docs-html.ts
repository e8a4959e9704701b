import { escapeXml as e } from '../../src/components/charts/svg/svg-text';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});

/** A schema in a few words: a component's name, a type, or a list of choices. */
function typeOf(schema: unknown): string {
  const s = obj(schema);
  if (typeof s.$ref === 'string') {
    const name = s.$ref.split('/').at(-1) ?? '';
    return `<a href="#schema-${e(name)}">${e(name)}</a>`;
  }
  if (Array.isArray(s.anyOf)) return s.anyOf.map(typeOf).join(' | ');
  if (Array.isArray(s.enum))
    return s.enum.map((v) => `<code>${e(JSON.stringify(v))}</code>`).join(' | ');
  if (s.type === 'array') return `array of ${typeOf(s.items)}`;
  if (Array.isArray(s.type)) return s.type.map(String).map(e).join(' | ');
  return e(String(s.type ?? 'any'));
}

function schemaTable(name: string, schema: unknown): string {
  const s = obj(schema);
  const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
  const rows = Object.entries(obj(s.properties))
    .map(
      ([key, value]) =>
        `<tr><th scope="row"><code>${e(key)}</code></th><td>${typeOf(value)}</td><td>${required.has(key) ? 'yes' : 'no'}</td></tr>`,
    )
    .join('');
  const body = rows
    ? `<table><thead><tr><th scope="col">field</th><th scope="col">type</th><th scope="col">required</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>${typeOf(s)}</p>`;
  return `<section id="schema-${e(name)}"><h3>${e(name)}</h3>${body}</section>`;
}

/**
 * The API reference as one plain page generated from the OpenAPI document: served from our own
 * origin, no script, no CDN, readable on a phone and in print.
 */
export function apiDocsHtml(doc: Json): string {
  const info = obj(doc.info);
  const operations = Object.entries(obj(doc.paths))
    .flatMap(([path, item]) =>
      Object.entries(obj(item)).map(([method, op]) => {
        const o = obj(op);
        const params = (Array.isArray(o.parameters) ? o.parameters : []).map(obj);
        const paramRows = params
          .map(
            (p) =>
              `<tr><th scope="row"><code>${e(String(p.name))}</code></th><td>${e(String(p.in))}</td><td>${typeOf(p.schema)}</td><td>${e(String(p.description ?? ''))}</td></tr>`,
          )
          .join('');
        const responses = Object.entries(obj(o.responses))
          .map(([status, r]) => {
            const content = obj(r).content;
            const media = Object.values(obj(content))[0];
            const example = obj(media).example;
            const sample =
              example === undefined
                ? ''
                : `<details><summary>Example answer</summary><pre><code>${e(JSON.stringify(example, null, 2).slice(0, 4000))}</code></pre></details>`;
            return `<li><strong>${e(status)}</strong> ${e(String(obj(r).description ?? ''))} ${media ? typeOf(obj(media).schema) : ''}${sample}</li>`;
          })
          .join('');
        return (
          `<section class="op"><h3><span class="method">${e(method.toUpperCase())}</span> <code>${e(path)}</code></h3><p>${e(String(o.summary ?? ''))}</p>` +
          (paramRows
            ? `<table><caption>Parameters</caption><thead><tr><th scope="col">name</th><th scope="col">in</th><th scope="col">type</th><th scope="col">meaning</th></tr></thead><tbody>${paramRows}</tbody></table>`
            : '') +
          `<ul>${responses}</ul></section>`
        );
      }),
    )
    .join('');
  const schemas = Object.entries(obj(obj(doc.components).schemas))
    .map(([name, schema]) => schemaTable(name, schema))
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(String(info.title))} reference</title><meta name="description" content="Reference of the Ashyq API, generated from its OpenAPI description."><style>
body{font:16px/1.5 system-ui,sans-serif;color:#1f2933;max-width:60rem;margin:0 auto;padding:1rem}code,pre{font-family:ui-monospace,monospace;font-size:.9em}pre{background:#f5f7f9;padding:.75rem;overflow:auto;max-height:24rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #d5dbe1;vertical-align:top}.method{background:#1b4f72;color:#fff;padding:0 .4rem;border-radius:4px}
a{color:#1b4f72}.op{border-top:1px solid #d5dbe1;margin-top:1rem}</style></head><body><main>
<h1>${e(String(info.title))}</h1><p>${e(String(info.summary ?? ''))}</p><p>${e(String(info.description ?? ''))}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">OpenAPI 3.1 (openapi.json)</a>. Bulk data: <a href="/data">/data</a>.</p>
<h2>Endpoints</h2>${operations}<h2>Schemas</h2>${schemas}</main></body></html>`;
}
