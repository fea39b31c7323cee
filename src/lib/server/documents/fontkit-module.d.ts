// fontkit 2 ships no type declarations; this is the one function documents/fontkit.ts calls.
declare module 'fontkit' {
	export function create(buffer: Buffer): unknown;
}
