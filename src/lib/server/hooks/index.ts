export { serverTiming } from './server-timing';
export { securityHeaders } from './security-headers';
export { crossSiteForms } from './cross-site-forms';
export { database } from './database';
export { locale } from './locale';
export { rejectUnstorableText } from './unstorable-text';
export { authentication } from './authentication';
export { visitorPages } from './visitor-pages';
export { reportError, serviceUnavailable } from './errors';
