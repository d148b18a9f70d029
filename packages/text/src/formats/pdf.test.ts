/**
 * Tests for PDF extraction on a two-column newspaper page generated here with pdf-lib and a CJK font
 * (WenQuanYi Micro Hei from Debian's fonts-wqy-microhei; pdf-lib reads the .ttc through fontkit's
 * collection support).
 */
import { existsSync, readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize.js';
import { splitSentences } from '../sentences.js';
import { extractPdf } from './pdf.js';
import { layoutPage } from './pdf-layout.js';
import { REPORT_DATE, REPORT_PARAGRAPHS, REPORT_TITLE, reportSentences } from './report-fixture.js';

const FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

/** Builds a newspaper-like page: header with date, a headline across both columns, body in two columns. */
async function newspaperPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const ttc = readFileSync(FONT);
  doc.registerFontkit({ create: (data: Uint8Array) => fontkit.create(data as Buffer, 'WenQuanYiMicroHei') } as never);
  const font = await doc.embedFont(ttc, { subset: true });
  const page = doc.addPage([595, 842]);
  const [y0] = [760];
  const [year, month, day] = REPORT_DATE.split('-').map(Number);
  page.drawText(`黔东南日报    ${year}年${month}月${day}日  星期三    第3版`, { x: 40, y: 810, size: 9, font });
  page.drawText(REPORT_TITLE, { x: 60, y: 780, size: 22, font });
  // Body: 10 pt, lines filled to the column width (240 pt) as a typesetter would, two columns of 7 lines;
  // the text flows from column 1 into column 2 in the middle of a sentence.
  const lines: (string | null)[] = [];
  for (const p of REPORT_PARAGRAPHS) {
    let line = '';
    for (const ch of p) {
      if (font.widthOfTextAtSize(line + ch, 10) > 240) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
    lines.push(line, null); // paragraph gap
  }
  const perColumn = 7;
  lines.forEach((line, i) => {
    if (line === null) return;
    const col = Math.floor(i / perColumn);
    const row = i % perColumn;
    page.drawText(line, { x: 40 + col * 270, y: y0 - 20 - row * 14, size: 10, font });
  });
  return doc.save();
}

/**
 * A minimal PDF whose Chinese text uses a predefined CMap (UniGB-UCS2-H) and a non-embedded Adobe-GB1 font,
 * as many Chinese office tools write them; pdf.js must load its bundled CMap files to read it.
 */
function predefinedCmapPdf(text: string): Uint8Array {
  const hex = [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const stream = `BT /F1 12 Tf 50 700 Td <${hex}> Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

describe('extractPdf', () => {
  it('should read Chinese text set with a predefined CMap', async () => {
    const doc = await extractPdf(predefinedCmapPdf('台江县与杭州市结对帮扶。'), 'cmap.pdf');
    expect(doc.text).toBe('台江县与杭州市结对帮扶。');
  });

  it.skipIf(!existsSync(FONT))(
    'should read a two-column page in column order with title, date and every sentence',
    async () => {
      const doc = await extractPdf(await newspaperPdf(), 'page.pdf');
      expect(doc.format).toBe('pdf');
      expect(doc.title).toBe(REPORT_TITLE);
      expect(doc.date).toBe(REPORT_DATE);
      const sentences = splitSentences(normalize(doc.text)).map((s) => s.text);
      for (const s of reportSentences()) expect(sentences).toContain(s);
      expect(doc.text.indexOf(REPORT_PARAGRAPHS[2]!.slice(0, 8))).toBeGreaterThan(
        doc.text.indexOf(REPORT_PARAGRAPHS[1]!.slice(-8)),
      );
    },
  );

  it('should refuse bytes that are not a PDF with INPUT_UNREADABLE', async () => {
    await expect(extractPdf(new TextEncoder().encode('从江县 not a pdf'), 'x.pdf')).rejects.toMatchObject({
      code: 'INPUT_UNREADABLE',
    });
  });

  it('should refuse a PDF without text with INPUT_EMPTY', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    await expect(extractPdf(await doc.save(), 'scan.pdf')).rejects.toMatchObject({ code: 'INPUT_EMPTY' });
  });
});

describe('layoutPage', () => {
  it('should read column 1 before column 2 even when their rows interleave', () => {
    const run = (str: string, x: number, y: number) => ({ str, x, y, width: str.length * 10, size: 10 });
    const runs = [
      run('台江县', 40, 700),
      run('威宁县', 300, 700),
      run('从江县', 40, 686),
      run('杭州市', 300, 686),
      run('宁波市', 40, 672),
      run('苏州市', 300, 672),
      run('青岛市', 40, 658),
      run('大连市', 300, 658),
    ];
    expect(layoutPage(runs).map((l) => l.text)).toEqual([
      '台江县',
      '从江县',
      '宁波市',
      '青岛市',
      '威宁县',
      '杭州市',
      '苏州市',
      '大连市',
    ]);
  });

  it('should read a headline that spans the columns between the bands above and below it', () => {
    const run = (str: string, x: number, y: number, size = 10) => ({ str, x, y, width: str.length * size, size });
    const runs = [
      run('台江县', 40, 700),
      run('威宁县', 300, 700),
      run('从江县', 40, 686),
      run('杭州市', 300, 686),
      run('东西部扶贫协作结出丰硕成果累累', 40, 650, 20),
      run('宁波市', 40, 610),
      run('苏州市', 300, 610),
      run('青岛市', 40, 596),
      run('大连市', 300, 596),
    ];
    expect(layoutPage(runs).map((l) => l.text)).toEqual([
      '台江县',
      '从江县',
      '威宁县',
      '杭州市',
      '东西部扶贫协作结出丰硕成果累累',
      '宁波市',
      '青岛市',
      '苏州市',
      '大连市',
    ]);
  });
});
