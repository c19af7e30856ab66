// Placeholder until the docx extractor lands.
import { folioError } from '../../../shared/errors';
import type { Extractor } from '../../engine/types';

export const extractDocx: Extractor = async () => {
  throw folioError('UNSUPPORTED_TYPE', 'docx extraction is not available yet.');
};
