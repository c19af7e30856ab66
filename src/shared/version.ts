// Bumped whenever extraction output changes: it is part of the cache key.
export const ENGINE_VERSION = '0.3.1';
export const TOOL_NAME = 'folio';
