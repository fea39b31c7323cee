// Fonts for pdf-lib from upstream fontkit 2. pdf-lib's own `@pdf-lib/fontkit` is a stale fork whose TrueType
// subsetting writes a short `loca` table without padding the glyphs (fixed upstream in fontkit 1.8): in a Noto Sans
// JP subset, half the kanji came out blank while their text still extracted (seen here, 2026-12; pdf-lib issue 1232).
// fontkit 2 subsets correctly; this adapter gives its subset the streaming `encodeStream` that pdf-lib calls.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

export type FontWeight = 'regular' | 'bold';

const fontFiles: Record<FontWeight, string> = {
	regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
	bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'
};

// Read once per process: each file is about 5 MB, and every document embeds only its own subset of it.
const fontBytes = new Map<FontWeight, Promise<Uint8Array>>();

/** The bytes of Noto Sans JP in a weight (OFL, from the npm package @expo-google-fonts/noto-sans-jp). */
export function loadFont(weight: FontWeight): Promise<Uint8Array> {
	let bytes = fontBytes.get(weight);
	if (!bytes) {
		bytes = readFile(createRequire(import.meta.url).resolve(fontFiles[weight]));
		fontBytes.set(weight, bytes);
	}
	return bytes;
}

interface UpstreamSubset {
	encode(): Uint8Array;
	encodeStream?: () => unknown;
}

/** A stream of one chunk, as much of Node's stream interface as pdf-lib listens to. */
function streamOf(produce: () => Uint8Array) {
	const handlers: Partial<Record<'data' | 'end' | 'error', (value?: unknown) => void>> = {};
	const stream = {
		on(event: 'data' | 'end' | 'error', handler: (value?: unknown) => void) {
			handlers[event] = handler;
			return stream;
		}
	};
	queueMicrotask(() => {
		try {
			handlers.data?.(produce());
			handlers.end?.();
		} catch (error) {
			handlers.error?.(error);
		}
	});
	return stream;
}

export const fontkitForPdfLib: Fontkit = {
	create(bytes: Uint8Array) {
		const font = fontkit.create(Buffer.from(bytes)) as { createSubset(): UpstreamSubset };
		const createSubset = font.createSubset.bind(font);
		font.createSubset = () => {
			const subset = createSubset();
			subset.encodeStream = () => streamOf(() => subset.encode());
			return subset;
		};
		return font as unknown as ReturnType<Fontkit['create']>;
	}
};
