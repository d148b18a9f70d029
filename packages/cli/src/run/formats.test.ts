/**
 * Formats end to end
 *
 * The same report saved as plain text, as a news web page (with navigation, ads and a script), as a
 * Word file and as a PDF must give the same entities through the CLI's file extraction, and each
 * format's publish date must reach the Document node. The report is written for this test.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from './extract-file.js';

const TITLE = '台江县与杭州市余杭区携手推进东西部扶贫协作';
const DATE_LINE = '发布时间：2021-04-12';
const PARAGRAPHS = [
  '2020年，杭州市余杭区向台江县投入帮扶资金8600万元，实施产业项目28个，带动贫困人口5200人增收。',
  '台江县依托余杭区的帮扶，大力发展食用菌和蓝莓产业，在排羊乡建成食用菌种植基地，在杭州市设立台江农特产品展销中心。',
  '两地深入开展劳务协作，组织台江县农村劳动力到杭州务工，累计转移就业3100人。',
];
const FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

let dir: string;

async function writeDocx(path: string): Promise<void> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: TITLE, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: DATE_LINE }),
          ...PARAGRAPHS.map((p) => new Paragraph({ text: p })),
        ],
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}

async function writePdf(path: string): Promise<void> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit({ create: (data: Uint8Array) => fontkit.create(data as Buffer, 'WenQuanYiMicroHei') } as never);
  const font = await pdf.embedFont(readFileSync(FONT), { subset: true });
  const page = pdf.addPage([595, 842]);
  page.drawText(TITLE, { x: 40, y: 790, size: 18, font });
  page.drawText(DATE_LINE, { x: 40, y: 765, size: 9, font });
  let y = 730;
  for (const p of PARAGRAPHS) {
    let line = '';
    for (const ch of p) {
      if (font.widthOfTextAtSize(line + ch, 11) > 500) {
        page.drawText(line, { x: 40, y, size: 11, font });
        y -= 16;
        line = '';
      }
      line += ch;
    }
    page.drawText(line, { x: 40, y, size: 11, font });
    y -= 28;
  }
  writeFileSync(path, await pdf.save());
}

function writeHtml(path: string): void {
  const body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');
  writeFileSync(
    path,
    `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}_新闻中心</title>
<meta property="article:published_time" content="2021-04-12T09:30:00+08:00"></head>
<body><nav><a href="/">首页</a> <a href="/news">要闻</a> <a href="/about">关于我们</a></nav>
<div class="ad">广告：热销商品限时抢购</div><script>var tracker = "统计代码";</script>
<article><h1>${TITLE}</h1><div class="meta">${DATE_LINE}</div>${body}</article>
<footer>版权所有 网站备案号</footer></body></html>`,
  );
}

async function entitiesOf(file: string): Promise<{ names: string[]; date: string | undefined }> {
  const outcome = await extractFile(file);
  if (!outcome.ok) throw new Error(outcome.message);
  return {
    names: outcome.batch.entities.map((e) => `${e.type}:${e.name}`).sort(),
    date: outcome.batch.documents[0]?.date,
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fupin-formats-'));
  writeFileSync(join(dir, 'report.txt'), `${TITLE}\n${DATE_LINE}\n\n${PARAGRAPHS.join('\n\n')}\n`);
  writeHtml(join(dir, 'report.html'));
  await writeDocx(join(dir, 'report.docx'));
  if (existsSync(FONT)) await writePdf(join(dir, 'report.pdf'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extractFile across formats', () => {
  it('should find the regions, programs and industries of the plain text', async () => {
    const { names } = await entitiesOf(join(dir, 'report.txt'));
    expect(names).toEqual(expect.arrayContaining(['County:台江县', 'County:余杭区', 'Prefecture:杭州市']));
  });

  it.each(['html', 'docx', 'pdf'])('should find the same entities and the date in the %s file', async (ext) => {
    if (ext === 'pdf' && !existsSync(FONT))
      throw new Error(`formats test: ${FONT} missing; install fonts-wqy-microhei`);
    const plain = await entitiesOf(join(dir, 'report.txt'));
    const other = await entitiesOf(join(dir, `report.${ext}`));
    expect(other.names).toEqual(plain.names);
    expect(other.date).toBe('2021-04-12');
  });
});
