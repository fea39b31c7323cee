export { computeShared, sharedPagesVersion, type Computed } from './shared';
export * from './visitor-pages';
export { etagOf, matchesEtag, privateJsonWithEtag } from './etag';
