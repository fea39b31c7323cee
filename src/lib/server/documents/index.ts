// Printed things: QR codes drawn from the module matrix, for pages and PDFs.
// import * as documents from '$lib/server/documents'
export { qrCode, qrRuns, qrSvg, type QrCode } from './qr';
