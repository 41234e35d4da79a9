import type { Rule } from '../src/rule-kit/index.js';
import lsidArithmetic from './lsid-integer/lsid-arithmetic.js';
import lsidDigitPattern from './lsid-integer/lsid-digit-pattern.js';
import lsidLossyStorage from './lsid-integer/lsid-lossy-storage.js';
import lsidNumericConversion from './lsid-integer/lsid-numeric-conversion.js';
import lsidNumericOrdering from './lsid-integer/lsid-numeric-ordering.js';
import lsidNumericType from './lsid-integer/lsid-numeric-type.js';
import lsidNumericValidation from './lsid-integer/lsid-numeric-validation.js';
import lsidRecencyOrder from './lsid-integer/lsid-recency-order.js';
import lseqMissingColumn from './lseq-misuse/lseq-missing-column.js';
import lseqSequenceCursor from './lseq-misuse/lseq-sequence-cursor.js';
import lseqUniqueKey from './lseq-misuse/lseq-unique-key.js';
import xmlLeafValueEquality from './xml-namespace/xml-leaf-value-equality.js';
import xmlLiteralTagMatch from './xml-namespace/xml-literal-tag-match.js';
import xmlNamespaceStripLiteral from './xml-namespace/xml-namespace-strip-literal.js';
import xmlNullNamespaceLookup from './xml-namespace/xml-null-namespace-lookup.js';
import xmlPinnedNamespaceUri from './xml-namespace/xml-pinned-namespace-uri.js';
import xmlSchemaWithoutNamespace from './xml-namespace/xml-schema-without-namespace.js';
import xmlUnprefixedXpath from './xml-namespace/xml-unprefixed-xpath.js';

/** Every rule, grouped by category; the engine receives this list and never names a rule itself. */
export const rules: readonly Rule[] = [
  lsidArithmetic,
  lsidDigitPattern,
  lsidLossyStorage,
  lsidNumericConversion,
  lsidNumericOrdering,
  lsidNumericType,
  lsidNumericValidation,
  lsidRecencyOrder,
  lseqMissingColumn,
  lseqSequenceCursor,
  lseqUniqueKey,
  xmlLeafValueEquality,
  xmlLiteralTagMatch,
  xmlNamespaceStripLiteral,
  xmlNullNamespaceLookup,
  xmlPinnedNamespaceUri,
  xmlSchemaWithoutNamespace,
  xmlUnprefixedXpath,
];
