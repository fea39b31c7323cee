// A minimal ZIP writer (deflate, UTF-8 names) for exporting one exercise folder: a few small text files, so
// no ZIP64, no streaming. Format: PKWARE APPNOTE 6.3, local headers + central directory + end record.
import { crc32, deflateRawSync } from 'node:zlib';

const utf8NameFlag = 0x0800;
const deflate = 8;
// 1980-01-01 00:00 in MS-DOS format: the files have no meaningful time, and a fixed one keeps exports reproducible.
const dosTime = 0;
const dosDate = (0 << 9) | (1 << 5) | 1;

export function zipFiles(files: Record<string, string>): Uint8Array<ArrayBuffer> {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const [path, text] of Object.entries(files)) {
		const name = Buffer.from(path, 'utf8');
		const data = Buffer.from(text, 'utf8');
		const compressed = deflateRawSync(data);
		const checksum = crc32(data);

		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(utf8NameFlag, 6);
		local.writeUInt16LE(deflate, 8);
		local.writeUInt16LE(dosTime, 10);
		local.writeUInt16LE(dosDate, 12);
		local.writeUInt32LE(checksum, 14);
		local.writeUInt32LE(compressed.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(name.length, 26);
		local.writeUInt16LE(0, 28);
		locals.push(local, name, compressed);

		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(utf8NameFlag, 8);
		central.writeUInt16LE(deflate, 10);
		central.writeUInt16LE(dosTime, 12);
		central.writeUInt16LE(dosDate, 14);
		central.writeUInt32LE(checksum, 16);
		central.writeUInt32LE(compressed.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		centrals.push(central, name);

		offset += local.length + name.length + compressed.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(Object.keys(files).length, 8);
	end.writeUInt16LE(Object.keys(files).length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Uint8Array.from(Buffer.concat([...locals, directory, end]));
}
