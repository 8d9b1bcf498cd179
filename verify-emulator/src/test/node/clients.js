// Drives the Verify emulator with Vonage's official Node clients, as a Node user's tests would.
// Run by NodeClientsAgainstEmulatorTest: EMULATOR_URL, API_KEY, API_SECRET, APPLICATION_ID and
// PRIVATE_KEY_FILE (a key made for that run) come from the environment. Exit status 0 when every step passed.
'use strict';

const assert = require('node:assert/strict');
const { Vonage } = require('@vonage/server-sdk');
const { Verify2 } = require('@vonage/verify2');

const base = process.env.EMULATOR_URL;
const options = { apiHost: base };
const v1 = new Vonage({ apiKey: process.env.API_KEY, apiSecret: process.env.API_SECRET }, options).verify;
const v2 = new Verify2({ applicationId: process.env.APPLICATION_ID, privateKey: process.env.PRIVATE_KEY_FILE },
  options);

let passed = 0;
async function step(name, body) {
  await body();
  passed++;
  console.log(`ok - ${name}`);
}

async function outbox(to) {
  const answer = await fetch(`${base}/_emulator/outbox?to=${encodeURIComponent(to)}`);
  assert.equal(answer.status, 200);
  return answer.json();
}

async function lastMessage(to) {
  const messages = await outbox(to);
  assert.ok(messages.length > 0, `a message to ${to}`);
  return messages[messages.length - 1];
}

async function advance(seconds) {
  const answer = await fetch(`${base}/_emulator/clock?advanceSeconds=${seconds}`, { method: 'POST' });
  assert.equal(answer.status, 200);
}

async function main() {
  await fetch(`${base}/_emulator/reset`, { method: 'POST' });

  let v1Id;
  await step('v1 start (JSON body, key and secret)', async () => {
    const started = await v1.start({ number: '447700900101', brand: 'Acme' });
    assert.equal(String(started.status), '0');
    v1Id = started.requestId;
    assert.match(v1Id, /^[0-9a-f]{32}$/);
  });
  await step('v1 search (GET with query parameters)', async () => {
    const found = await v1.search(v1Id);
    assert.equal(found.requestId, v1Id);
    assert.equal(found.status, 'IN PROGRESS');
  });
  await step('v1 next step (trigger_next_event)', async () => {
    const triggered = await v1.trigger(v1Id);
    assert.equal(String(triggered.status), '0');
    assert.equal((await outbox('447700900101')).length, 2);
  });
  await step('v1 check', async () => {
    const checked = await v1.check(v1Id, (await lastMessage('447700900101')).code);
    assert.equal(String(checked.status), '0');
  });
  await step('v1 cancel (after the 30 s v1 asks for)', async () => {
    const started = await v1.start({ number: '447700900102', brand: 'Acme' });
    await advance(31);
    const cancelled = await v1.cancel(started.requestId);
    assert.equal(String(cancelled.status), '0');
  });
  await step('v1 PSD2 start and check', async () => {
    const started = await v1.start({ number: '447700900103', payee: 'Acme Shop', amount: 48.5 });
    assert.equal(String(started.status), '0');
    const message = await lastMessage('447700900103');
    assert.match(message.text, /Acme Shop/);
    assert.match(message.text, /EUR 48\.50/);
    const checked = await v1.check(started.requestId, message.code);
    assert.equal(String(checked.status), '0');
  });

  let v2Id;
  await step('v2 start (JWT auth)', async () => {
    const started = await v2.newRequest({
      brand: 'Acme',
      clientRef: 'node42',
      workflow: [{ channel: 'sms', to: '447700900104' }, { channel: 'voice', to: '447700900104' }],
    });
    v2Id = started.requestId;
    assert.match(v2Id, /^[0-9a-f-]{36}$/);
  });
  await step('v2 next workflow', async () => {
    assert.equal(await v2.nextWorkflow(v2Id), true);
    assert.equal((await lastMessage('447700900104')).channel, 'voice');
  });
  await step('v2 check', async () => {
    assert.equal(await v2.checkCode(v2Id, (await lastMessage('447700900104')).code), 'completed');
  });
  await step('v2 wrong code is refused', async () => {
    const started = await v2.newRequest({ brand: 'Acme', workflow: [{ channel: 'sms', to: '447700900105' }] });
    const code = (await lastMessage('447700900105')).code;
    await assert.rejects(v2.checkCode(started.requestId, code === '0000' ? '1111' : '0000'));
    assert.equal(await v2.cancel(started.requestId), true);
  });
  await step('v2 cancel', async () => {
    const started = await v2.newRequest({ brand: 'Acme', workflow: [{ channel: 'sms', to: '447700900106' }] });
    assert.equal(await v2.cancel(started.requestId), true);
    assert.equal(await v2.cancel(started.requestId), false, 'a second cancel finds nothing');
  });

  console.log(`${passed} passed, 0 failed`);
}

main().catch((error) => {
  console.log(`not ok - ${error && error.message ? error.message : error}`);
  console.log(`${passed} passed, 1 failed`);
  process.exit(1);
});
