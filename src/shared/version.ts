// Bumped whenever extraction output changes: it is part of the cache key.
export const ENGINE_VERSION = '0.3.0';
export const TOOL_NAME = 'folio';
