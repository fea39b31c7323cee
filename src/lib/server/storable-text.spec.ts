import { describe, expect, it } from 'vitest';
import { findUnstorableText, withoutUnstorable } from './storable-text';

const base = 'https://portal.example.jp';

function post(path: string, body: BodyInit, contentType?: string) {
	const headers = contentType ? { 'content-type': contentType } : undefined;
	return new Request(`${base}${path}`, { method: 'POST', body, headers });
}

async function find(request: Request) {
	return findUnstorableText(request, new URL(request.url));
}

describe('findUnstorableText', () => {
	it('finds a NUL in the path or the query, encoded or not', async () => {
		expect(await find(new Request(`${base}/exercises/a%00b`))).toEqual({ in: 'url' });
		expect(await find(new Request(`${base}/coordinator/accounts?q=%00`))).toEqual({ in: 'url' });
		expect(await find(new Request(`${base}/coordinator/accounts?q%00=x`))).toEqual({ in: 'url' });
		expect(await find(new Request(`${base}/coordinator/accounts?q=%2500`))).toBeNull();
	});

	it('names the form field holding a NUL, in urlencoded and multipart forms, and leaves the body readable', async () => {
		const urlencoded = post('/register', new URLSearchParams({ email: 'a@example.jp', displayName: 'た\u0000ろう' }));
		expect(await find(urlencoded)).toMatchObject({ in: 'form', field: 'displayName' });
		expect((await urlencoded.formData()).get('email')).toBe('a@example.jp');

		const multipart = new FormData();
		multipart.append('email', 'a\u0000@example.jp');
		expect(await find(post('/login', multipart))).toMatchObject({ in: 'form', field: 'email' });

		const named = new FormData();
		named.append('roster', new File(['ok'], 'list\u0000.csv'));
		expect(await find(post('/coordinator/import', named))).toMatchObject({ in: 'form', field: 'roster' });
	});

	it('lets files hold any bytes, and forms and JSON without a NUL through', async () => {
		const upload = new FormData();
		upload.append('file', new File([new Uint8Array([0x50, 0x4b, 0, 0])], 'exercise.zip'));
		expect(await find(post('/author/import', upload))).toBeNull();
		expect(await find(post('/login', new URLSearchParams({ email: 'a@example.jp', password: 'tab\there' })))).toBeNull();
		expect(await find(post('/api/submissions', JSON.stringify({ source: 'print("\\\\u0000")' }), 'application/json'))).toBeNull();
	});

	it('finds a NUL anywhere in a JSON body, keys included', async () => {
		const json = (value: unknown) => post('/api/submissions', JSON.stringify(value), 'application/json; charset=utf-8');
		expect(await find(json({ source: 'print(1)\u0000' }))).toEqual({ in: 'json' });
		expect(await find(json({ cases: [{ input: ['x', 'y\u0000'] }] }))).toEqual({ in: 'json' });
		expect(await find(json({ 'a\u0000': 1 }))).toEqual({ in: 'json' });
		expect(await find(post('/api/submissions', '{"source": "\\u0000"}', 'application/json'))).toEqual({ in: 'json' });
		expect(await find(post('/api/submissions', 'not json', 'application/json'))).toBeNull();
	});

	it('reports a form body that cannot be read as a form', async () => {
		expect(await find(post('/login', 'garbage', 'multipart/form-data; boundary=nothing'))).toEqual({ in: 'malformed-form' });
	});
});

describe('withoutUnstorable', () => {
	it('gives back what was typed without the NUL', () => {
		const form = new FormData();
		form.append('displayName', 'た\u0000ろう');
		expect(Object.fromEntries(withoutUnstorable(form))).toEqual({ displayName: 'たろう' });
	});
});
