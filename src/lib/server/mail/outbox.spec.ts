import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { outboxMail } from '../db/schema';
import { uniqueEmail } from '../testing/factories';
import { deliverDueMails, enqueueMail, retryDelayMs, type MailTransport } from './outbox';

function recordingTransport(failuresBeforeSuccess = 0) {
	const sent: string[] = [];
	let failures = failuresBeforeSuccess;
	const transport: MailTransport = {
		async send(mail) {
			if (failures > 0) {
				failures--;
				throw new Error('connect ECONNREFUSED 127.0.0.1:25');
			}
			sent.push(mail.to);
		}
	};
	return { transport, sent };
}

describeEachDatabase('mail outbox', (connection) => {
	const db = () => connection().db;

	it('keeps a mail while the server is down and sends it once it is back', async () => {
		const to = uniqueEmail();
		await enqueueMail(db(), { kind: 'test', to, subject: '件名', text: '本文' });
		const down = recordingTransport(1);
		expect(await deliverDueMails(db(), down.transport)).toMatchObject({ failed: 1 });
		const [waiting] = await db().select().from(outboxMail).where(eq(outboxMail.toAddress, to));
		expect(waiting).toMatchObject({ attempts: 1, sentAt: null, lastError: expect.stringContaining('ECONNREFUSED') });
		expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);

		// Not due yet: nothing is sent.
		const up = recordingTransport();
		await deliverDueMails(db(), up.transport);
		expect(up.sent).not.toContain(to);

		await db()
			.update(outboxMail)
			.set({ nextAttemptAt: new Date(Date.now() - 1000) })
			.where(eq(outboxMail.toAddress, to));
		await deliverDueMails(db(), up.transport);
		expect(up.sent.filter((address) => address === to)).toHaveLength(1);
		const [sent] = await db().select().from(outboxMail).where(eq(outboxMail.toAddress, to));
		expect(sent?.sentAt).not.toBeNull();
	});

	it('sends each mail once even with two senders at the same time', async () => {
		const recipients = Array.from({ length: 30 }, () => uniqueEmail('many'));
		for (const to of recipients) await enqueueMail(db(), { kind: 'test', to, subject: 's', text: 't' });
		const first = recordingTransport();
		const second = recordingTransport();
		await Promise.all([deliverDueMails(db(), first.transport, 50), deliverDueMails(db(), second.transport, 50)]);
		const all = [...first.sent, ...second.sent].filter((to) => recipients.includes(to));
		expect(all.sort()).toEqual([...recipients].sort());
	});

	it('hands the stored headers to the transport', async () => {
		const to = uniqueEmail('headers');
		const headers = { 'List-Unsubscribe': '<https://portal.example.jp/guardians/unsubscribe/x>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
		await enqueueMail(db(), { kind: 'test', to, subject: 's', text: 't', headers });
		await enqueueMail(db(), { kind: 'test', to, subject: 's', text: 't' });
		const received: Array<Record<string, string>> = [];
		await deliverDueMails(db(), { send: async (mail) => void (mail.to === to && received.push(mail.headers)) }, 100);
		expect(received).toEqual(expect.arrayContaining([headers, {}]));
	});

	it('backs off exponentially up to an hour', () => {
		expect([1, 2, 3, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 3_600_000]);
	});
});
