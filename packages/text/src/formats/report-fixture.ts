/**
 * A report written for the format tests
 *
 * One short poverty-alleviation report, written for these tests (no seed text), with counties and partner
 * cities that do not occur in the seeds. The HTML, PDF and DOCX tests wrap it in their format and check the
 * extracted text holds the same sentences.
 */

/** Title line of the test report. */
export const REPORT_TITLE = '从江县与苏州市吴江区深化东西部扶贫协作';

/** Publish date of the test report. */
export const REPORT_DATE = '2020-05-06';

/** Paragraphs of the test report. */
export const REPORT_PARAGRAPHS = [
  '2019年以来，苏州市吴江区累计向从江县投入财政帮扶资金1.2亿元，实施产业项目36个，带动贫困人口8600人增收。',
  '在吴江区的帮助下，从江县建成香猪加工厂和百香果基地，产品通过东部市场销往全国各地。全县贫困发生率由2014年的34.6%下降到2019年底的1.9%。',
  '两地还开展劳务协作，组织从江县农村劳动力到苏州务工，累计转移就业4300人。台江县、威宁县也与杭州市、宁波市建立了结对帮扶关系。',
];

/** The report as plain text (title, blank line, paragraphs). */
export const REPORT_TEXT = `${REPORT_TITLE}\n\n${REPORT_PARAGRAPHS.join('\n\n')}\n`;

/**
 * The sentences of the report's paragraphs, for comparing extractions.
 * @example
 * reportSentences()[0] // → '2019年以来，苏州市吴江区累计向从江县投入…。'
 */
export function reportSentences(): string[] {
  return REPORT_PARAGRAPHS.flatMap((p) => p.match(/[^。！？]+[。！？]/gu) ?? []);
}
