import { beforeEach, expect, test } from 'vitest';
import { manageEndpoints } from '@/contract/endpoints';
import { metrics } from '../fixtures/metrics';
import { DEV_TOTP_CODE } from '../fixtures/accounts';
import { findAccount, mockState, resetManageMock } from './manage-state';

beforeEach(() => resetManageMock());

const base = 'http://localhost';
const json = (method: string, path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

async function signInAs(username: string) {
  await json('POST', manageEndpoints.signIn, { username, password: `${username}-password` });
  const answer = await json('POST', manageEndpoints.totp, { code: DEV_TOTP_CODE });
  expect(answer.status).toBe(200);
}

const proposal = {
  metricId: 'project-office-okrugs',
  value: 150,
  period: '2026-11-30',
  sourceId: 'syr-boyy-hearing',
  statedBy: 'Akimat press office',
};

async function submitted() {
  await signInAs('editor');
  const created = (await (await json('POST', manageEndpoints.revisions, proposal)).json()) as {
    id: string;
    may: { submit: boolean; approve: boolean };
  };
  expect(created.may).toMatchObject({ submit: true, approve: false });
  const done = await json('POST', manageEndpoints.revisionAction(created.id, 'submit'), {
    version: 1,
  });
  expect(done.status).toBe(200);
  return created.id;
}

test('every figure starts with its published hearing revision', async () => {
  await signInAs('editor');
  const answer = await fetch(`${base}${manageEndpoints.revisions}?status=published`);
  const page = (await answer.json()) as { total: number; revisions: { id: string }[] };
  expect(page.total).toBe(metrics.length);
  expect(page.revisions.map((item) => item.id)).toContain('hearing-project-office-okrugs');
});

test('a client-sent status or approvedBy is refused with 400', async () => {
  await signInAs('editor');
  for (const extra of [{ status: 'published' }, { approvedBy: 'acc-editor' }]) {
    const answer = await json('POST', manageEndpoints.revisions, { ...proposal, ...extra });
    expect(answer.status).toBe(400);
  }
});

test('approval publishes once: a second approval is 409, the headline changes', async () => {
  const id = await submitted();
  await signInAs('reviewer');
  const first = await json('POST', manageEndpoints.revisionAction(id, 'approve'), { version: 2 });
  expect(first.status).toBe(200);
  expect(metrics.find((metric) => metric.id === 'project-office-okrugs')?.value).toBe(150);
  const second = await json('POST', manageEndpoints.revisionAction(id, 'approve'), { version: 2 });
  expect(second.status).toBe(409);
  expect(mockState().audit.map((entry) => entry.action)).toContain('revision.approve');
});

test('nobody approves their own proposal (403); a stale version is 409', async () => {
  const reviewer = findAccount((entry) => entry.account.username === 'reviewer');
  reviewer?.account.roles.push('editor');
  await signInAs('reviewer');
  const created = (await (await json('POST', manageEndpoints.revisions, proposal)).json()) as {
    id: string;
  };
  await json('POST', manageEndpoints.revisionAction(created.id, 'submit'), { version: 1 });
  const own = await json('POST', manageEndpoints.revisionAction(created.id, 'approve'), {
    version: 2,
  });
  expect(own.status).toBe(403);
  const stale = await json('POST', manageEndpoints.revisionAction(created.id, 'withdraw'), {
    version: 1,
  });
  expect(stale.status).toBe(409);
});

test('evidence: the content must match the type and the name; the hash is the bytes', async () => {
  await signInAs('editor');
  const send = (bytes: Uint8Array<ArrayBuffer>, type: string, name: string) =>
    fetch(`${base}${manageEndpoints.evidenceUpload}?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': type },
      body: bytes,
    });
  const pdf = new TextEncoder().encode('%PDF-1.7\n');
  const good = await send(pdf, 'application/pdf', 'report.pdf');
  expect(good.status).toBe(201);
  expect(((await good.json()) as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
  expect((await send(pdf, 'image/png', 'report.png')).status).toBe(400);
  expect((await send(pdf, 'application/pdf', 'report.png')).status).toBe(400);
  expect((await send(pdf, 'application/pdf', '../etc/report.pdf')).status).toBe(400);
  expect(
    (await send(new Uint8Array(new ArrayBuffer(0)), 'application/pdf', 'empty.pdf')).status,
  ).toBe(400);
  expect((await send(pdf, 'text/plain', 'report.txt')).status).toBe(415);
});

test('a batch with one bad row submits nothing and names every error; a good one submits all', async () => {
  await signInAs('editor');
  const bad =
    'metric,value,period,district\nproject-office-okrugs,150,,\npublic-receptions,many,,\nnone,3,,nowhere\n';
  const preview = (await (
    await json('POST', manageEndpoints.batchPreview, { csv: bad })
  ).json()) as { valid: boolean; rows: { line: number; errors: { field: string }[] }[] };
  expect(preview.valid).toBe(false);
  expect(preview.rows.map((row) => [row.line, row.errors.map((error) => error.field)])).toEqual([
    [2, []],
    [3, ['value']],
    [4, ['metric', 'district']],
  ]);
  const refused = await json('POST', manageEndpoints.batches, { csv: bad });
  expect(refused.status).toBe(400);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
    'line 3, field "value"',
  );
  const good = 'metric,value,district\nproject-office-okrugs,150,\nproject-office-okrugs,26,aral\n';
  const made = await json('POST', manageEndpoints.batches, { csv: good });
  expect(made.status).toBe(201);
  const batch = (await made.json()) as { id: string; revisions: { status: string }[] };
  expect(batch.revisions.map((item) => item.status)).toEqual(['submitted', 'submitted']);

  await signInAs('reviewer');
  const approved = await json('POST', manageEndpoints.batchApprove(batch.id), {});
  expect(approved.status).toBe(200);
  const metric = metrics.find((item) => item.id === 'project-office-okrugs');
  expect(metric?.value).toBe(150);
  expect(metric?.breakdown.find((entry) => entry.districtId === 'aral')?.value).toBe(26);
});
