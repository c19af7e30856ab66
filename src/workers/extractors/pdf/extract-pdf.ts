// Placeholder until the pdf extractor lands.
import { folioError } from '../../../shared/errors';
import type { Extractor } from '../../engine/types';

export const extractPdf: Extractor = async () => {
  throw folioError('UNSUPPORTED_TYPE', 'pdf extraction is not available yet.');
};
