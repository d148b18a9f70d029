/**
 * Tests for .docx extraction on a Word file generated here with the `docx` package.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize.js';
import { splitSentences } from '../sentences.js';
import { extractDocx, firstShortLine } from './docx.js';
import { REPORT_DATE, REPORT_PARAGRAPHS, REPORT_TITLE, reportSentences } from './report-fixture.js';

async function reportDocx(): Promise<Uint8Array> {
  const [year, month, day] = REPORT_DATE.split('-').map(Number);
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: REPORT_TITLE, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun(`发布日期：${year}年${month}月${day}日`)] }),
          // A paragraph split into several runs (bold county name), as Word stores edited text.
          ...REPORT_PARAGRAPHS.map(
            (p) =>
              new Paragraph({
                children: [
                  new TextRun(p.slice(0, 5)),
                  new TextRun({ text: p.slice(5, 9), bold: true }),
                  new TextRun(p.slice(9)),
                ],
              }),
          ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('extractDocx', () => {
  it('should extract every sentence, the heading as title and the printed date', async () => {
    const doc = await extractDocx(await reportDocx(), 'report.docx');
    expect(doc.format).toBe('docx');
    expect(doc.title).toBe(REPORT_TITLE);
    expect(doc.date).toBe(REPORT_DATE);
    const sentences = splitSentences(normalize(doc.text)).map((s) => s.text);
    for (const s of reportSentences()) expect(sentences).toContain(s);
  });

  it('should refuse a file that is not a .docx with INPUT_UNREADABLE', async () => {
    await expect(extractDocx(new TextEncoder().encode('从江县'), 'x.docx')).rejects.toMatchObject({
      code: 'INPUT_UNREADABLE',
    });
  });
});

describe('firstShortLine', () => {
  it('should take a short unpunctuated first line as title', () => {
    expect(firstShortLine('\n台江县脱贫攻坚纪实\n\n2020年，台江县全面脱贫。')).toBe('台江县脱贫攻坚纪实');
    expect(firstShortLine('返回首页\n标 题: 作 者:\n第3777期 B4版\n台江县脱贫攻坚纪实\n正文。')).toBe(
      '台江县脱贫攻坚纪实',
    );
  });

  it('should find no title when the text starts with the body', () => {
    expect(firstShortLine('2020年，台江县全面脱贫。\n台江县城全貌')).toBeUndefined();
  });
});
