/**
 * The sync agent's outbox loop as a separate process for the kill test: it queues `count` complaints, one
 * every few passes, draining towards the county between them. It prints `ready` once the outbox is open,
 * `queued <clientKey>` after each enqueue has returned (so the parent knows which complaints were promised to
 * a resident), and `step <what>` at each point of its work (enqueue, post, posted, post-failed, acknowledged,
 * marked-failed, pass): the parent places its kill at one of these lines, so a kill lands in real work however
 * slow the machine is. It runs until killed, or until `stopAfterMs` as a safety net.
 *
 * argv: outboxFile baseUrl token count stopAfterMs
 */
import { createCountyClient } from '../../sync-agent/county-client/county-client';
import { drainOutbox } from '../../sync-agent/outbox/drain';
import { openOutbox, type Outbox } from '../../sync-agent/outbox/open-outbox';

const [file, baseUrl, accessToken, countText, stopAfterText] = process.argv.slice(2);
if (!file || !baseUrl || !accessToken || !countText || !stopAfterText) {
  process.stderr.write('usage: outbox-drain-child outboxFile baseUrl token count stopAfterMs\n');
  process.exit(2);
}
/** Pipes are written synchronously on Linux: the parent sees the line before the next step starts. */
const step = (what: string) => process.stdout.write(`step ${what}\n`);

async function main(file: string, baseUrl: string, accessToken: string): Promise<void> {
  const deadline = Date.now() + Number(stopAfterText);
  const opened = openOutbox(file);
  process.stdout.write('ready\n');
  const outbox: Outbox = {
    ...opened,
    markAcknowledged(clientKey, receipt) {
      opened.markAcknowledged(clientKey, receipt);
      step('acknowledged');
    },
    markFailed(...args) {
      opened.markFailed(...args);
      step('marked-failed');
    },
  };
  const county = createCountyClient({ baseUrl, accessToken, timeoutMs: 2_000 });
  const client = {
    async postComplaint(complaint: Parameters<typeof county.postComplaint>[0]) {
      step('post');
      try {
        const receipt = await county.postComplaint(complaint);
        step('posted');
        return receipt;
      } catch (error) {
        step('post-failed');
        throw error;
      }
    },
  };
  let left = Number(countText);
  let pass = 0;

  while (Date.now() < deadline) {
    if (left > 0 && pass % 2 === 0) {
      step('enqueue');
      const { clientKey } = outbox.enqueueComplaint({
        createdAt: new Date().toISOString(),
        category: 'missing',
        message: `第${pass}轮：三月的低保没有到`,
        contact: { name: '黄桂兰', phone: '13900139000' },
      });
      process.stdout.write(`queued ${clientKey}\n`);
      left--;
    }
    // A tiny backoff keeps items due again within the trial, so kills land in every part of a pass.
    await drainOutbox(outbox, client, { now: () => new Date(), backoff: { baseMs: 1, maxMs: 4 } });
    step('pass');
    pass++;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  opened.close();
}

void main(file, baseUrl, accessToken);
