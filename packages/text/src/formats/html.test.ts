/**
 * Tests for web-page extraction on pages generated here, with navigation, ads and scripts around the article.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize.js';
import { splitSentences } from '../sentences.js';
import { extractHtml } from './html.js';
import { sniffHtmlCharset } from './charset.js';
import { REPORT_DATE, REPORT_PARAGRAPHS, REPORT_TITLE, reportSentences } from './report-fixture.js';

function page(charset: string, head = '', byline = ''): string {
  const links = Array.from(
    { length: 12 },
    (_, i) => `<li><a href="/n/${i}">黔东南新闻第${i}条：台江县召开会议</a></li>`,
  ).join('');
  return `<!DOCTYPE html><html><head><meta charset="${charset}">${head}
<title>${REPORT_TITLE}_黔东南新闻网</title>
<script>var _hmt = _hmt || []; window.ads = "广告位招商，联系电话";</script>
<style>.nav{color:red}</style></head><body>
<div class="header"><a href="/">首页</a> | <a href="/gz">贵州</a> | <a href="/login">登录</a></div>
<nav><ul>${links}</ul></nav>
<div class="ad">热门推荐：点击领取优惠券！</div>
<div class="main"><div class="article">
<h1>${REPORT_TITLE}</h1>
<div class="info">${byline} 来源：黔东南新闻网</div>
<div class="content">${REPORT_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</div>
</div></div>
<div class="sidebar"><h3>相关阅读</h3><ul>${links}</ul></div>
<div class="footer">版权所有 © 黔东南新闻网 备案号：黔ICP备00000000号</div>
<script>document.write('<img src="/count.gif">');</script>
</body></html>`;
}

function sentencesOf(text: string): string[] {
  return splitSentences(normalize(text)).map((s) => s.text);
}

describe('extractHtml', () => {
  it('should keep the article, its title and every sentence, and drop navigation, ads and scripts', async () => {
    const doc = await extractHtml(
      new TextEncoder().encode(page('utf-8', '', `发布时间:${REPORT_DATE} 10:21`)),
      'a.html',
    );
    expect(doc.format).toBe('html');
    expect(doc.title).toBe(REPORT_TITLE);
    expect(doc.date).toBe(REPORT_DATE);
    const sentences = sentencesOf(doc.text);
    for (const s of reportSentences()) expect(sentences).toContain(s);
    expect(doc.text).not.toContain('广告');
    expect(doc.text).not.toContain('window');
    expect(doc.text).not.toContain('备案号');
    expect(doc.text).not.toContain('黔东南新闻第3条');
  });

  it('should honour a GBK meta charset', async () => {
    const bytes = iconv.encode(page('gbk'), 'gbk');
    expect(sniffHtmlCharset(bytes)).toBe('gbk');
    const doc = await extractHtml(new Uint8Array(bytes), 'gbk.html');
    expect(doc.encoding).toBe('GB18030');
    expect(doc.text).toContain(REPORT_PARAGRAPHS[1]);
  });

  it('should not take a date from a navigation link', async () => {
    const html = page('utf-8').replace('<nav>', '<nav><a href="/old">2019-01-02 旧闻</a>');
    const doc = await extractHtml(new TextEncoder().encode(html), 'n.html');
    expect(doc.date).toBeUndefined();
  });

  it('should read the date from article:published_time', async () => {
    const head = `<meta property="article:published_time" content="${REPORT_DATE}T09:00:00+08:00">`;
    expect((await extractHtml(new TextEncoder().encode(page('utf-8', head)), 'm.html')).date).toBe(REPORT_DATE);
  });

  it('should refuse a page without text with INPUT_EMPTY', async () => {
    await expect(
      extractHtml(new TextEncoder().encode('<html><body><script>x()</script></body></html>'), 'e.html'),
    ).rejects.toMatchObject({ code: 'INPUT_EMPTY' });
  });
});
