// Whether a PDF font is bold, from its PostScript name: PDF producers name the weight there
// ("Arial-BoldMT", "Calibri,Bold", "HelveticaNeueLTCom-Bd", TeX's "CMBX10"/"SFBX1000"), and pdfjs's
// own `bold` flag is only set for fonts it substitutes. Medium ("-Md") and light weights are not bold.

// A subset prefix ("NKDKGI+") and the family before the weight are ignored: only the style part.
const BOLD_STYLE =
  /(?:bold|black|heavy|semibold|demibold|demi|extrabold|ultrabold|fett|gras|negrita|grassetto)/i;
/** Short weight suffixes in a style part ("-Bd", "-Blk", "-Hv", "-Sb", "-BdIt"). */
const BOLD_SUFFIX = /(?:^|[-,_ ])(?:bd|blk|hv|sb|db|xb|ub)(?:it|obl|cn|mt|ps)*$/i;
/** TeX's Computer Modern and its Type 1 clones: bold extended (cmbx, sfbx, lmbx), bold (cmb). */
const TEX_BOLD = /^(?:cm|sf|lm|ec|tc)b(?:x|xsl|xti|x?ss|\d)/i;

/** The font name without a subset tag ("ABCDEF+"). */
function baseName(name: string): string {
  const plus = name.indexOf('+');
  return plus === 6 ? name.slice(7) : name;
}

export function isBoldFontName(name: string | undefined): boolean {
  if (!name) return false;
  const base = baseName(name);
  if (TEX_BOLD.test(base)) return true;
  // The style is after the family: "Arial-BoldMT", "Calibri,Bold", "TimesNewRomanPS-BoldItalicMT".
  const cut = base.search(/[-,]/);
  const style = cut >= 0 ? base.slice(cut) : '';
  if (BOLD_STYLE.test(style) || BOLD_SUFFIX.test(style)) return true;
  // No separator: "HelveticaBold", "ArialBlack"; a family's own name never ends that way.
  return cut < 0 && /(?:bold|black|heavy)$/i.test(base);
}
