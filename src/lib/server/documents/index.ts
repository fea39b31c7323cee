// Printed documents: A4 PDFs in Japanese (certificates, reports) and QR codes for their links.
// import * as documents from '$lib/server/documents'
export { A4Document, a4, wrapLines, pdfDownloadHeaders } from './pdf';
export type { Align, FontWeight, TableColumn, TextOptions } from './pdf';
export { qrCode, qrRuns, qrSvg } from './qr';
export type { QrCode } from './qr';
