// Text pages in German and French as a 300-dpi scanner gives them (Liberation Sans 11 pt, black
// on white), with the words that carry umlauts, ß or accents: the English model has no such
// letters to give, so these words show whether a language pack was used.
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { ensureFonts, FAMILY, grayPixels } from '../../scripts/fixtures/raster';
import type { GrayImage } from '../../src/workers/ocr/raster';

export const GERMAN_LINES = [
  'Die Prüfung der Jahresabschlüsse für das Geschäftsjahr ist abgeschlossen.',
  'Größere Abweichungen wurden nicht festgestellt; die Bestätigung liegt vor.',
  'Bitte überweisen Sie den Betrag bis zum Ende des nächsten Monats.',
  'Die Gebühren für Übersetzungen und Beglaubigungen trägt der Käufer.',
  'Der Außendienst schließt die Bücher am Freitag in Köln und Düsseldorf.',
  'Mit freundlichen Grüßen, Ihre Buchhaltung der Müller GmbH in München.',
];

export const FRENCH_LINES = [
  "Le rapport financier de l'exercice précédent a été approuvé en séance.",
  'Les créances échues sont réglées après vérification des pièces reçues.',
  'La société a déposé ses comptes auprès du greffe du tribunal à Genève.',
  "Les écarts constatés lors de l'inventaire ne dépassent pas deux pour cent.",
  'Le délai de paiement était dépassé pour la facture reçue en août.',
  'Veuillez agréer, Madame, nos salutations distinguées et très cordiales.',
];

export const SPANISH_LINES = [
  'La auditoría del ejercicio terminó en junio sin salvedades significativas.',
  'El señor Muñoz envió la confirmación bancaria después de la reunión.',
  'Según el contrato, la compañía pagará la comisión en el próximo trimestre.',
  'Las cifras del balance están conciliadas con el libro mayor de la sucursal.',
];

export const ITALIAN_LINES = [
  "La società ha approvato il bilancio dell'esercizio con qualche novità.",
  'Il revisore verificherà le fatture già registrate entro venerdì prossimo.',
  'Perché la conformità sia completa, serve la firma del responsabile.',
  'Le attività e le passività sono state confrontate con il libro giornale.',
];

/** The words of `lines` holding a letter outside ASCII, in order, each once. */
export function accentedWords(lines: readonly string[]): string[] {
  const words = lines.join(' ').match(/\p{L}*[^\p{ASCII}]\p{L}*/gu) ?? [];
  return [...new Set(words)];
}

function drawnPage(lines: readonly string[]): Canvas {
  ensureFonts();
  const width = 2550;
  const height = 300 + lines.length * 100 + 200;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111';
  ctx.font = `46px ${FAMILY}`; // 11 pt at 300 dpi
  lines.forEach((line, i) => ctx.fillText(line, 300, 300 + i * 100));
  return canvas;
}

/** The lines drawn on a 300-dpi canvas as a scanned letter would show them. */
export function textPage(lines: readonly string[]): { image: GrayImage; text: string } {
  return { image: grayPixels(drawnPage(lines)), text: lines.join('\n') };
}

/** The same page as a PNG file's bytes (an image a reviewer would drop in the folder). */
export function textPagePng(lines: readonly string[]): Buffer {
  return drawnPage(lines).encodeSync('png');
}
