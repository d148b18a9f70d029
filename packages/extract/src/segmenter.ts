/**
 * Segmenter
 *
 * Chinese word segmentation over @node-rs/jieba (prebuilt native binary, no install scripts), loaded
 * once per process. The user dictionary is deliberately small: generic terms of poverty-alleviation
 * reporting that jieba's default dictionary splits (东西部扶贫协作, 劳务协作 …). Place names are NOT
 * added here — the gazetteer matches them with its own automaton, which costs nothing at start-up,
 * whereas loading hundreds of thousands of division names into jieba costs seconds at every start.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Segmenter } from './types.js';

/**
 * Generic words of the domain, with a frequency high enough to win over jieba's splits.
 * Not place names, not names of particular programs: words any report on 扶贫 uses.
 * @example DOMAIN_WORDS.includes('东西部扶贫协作') // true
 */
export const DOMAIN_WORDS: readonly string[] = [
  '东西部扶贫协作',
  '东西部协作',
  '扶贫协作',
  '劳务协作',
  '劳务输出',
  '对口帮扶',
  '对口支援',
  '结对帮扶',
  '携手奔小康',
  '建档立卡',
  '易地扶贫搬迁',
  '易地搬迁',
  '扶贫车间',
  '安置点',
  '产业扶贫',
  '消费扶贫',
  '就业扶贫',
  '驻村工作队',
  '第一书记',
  '脱贫攻坚',
  '乡村振兴',
  '两不愁三保障',
  '销售窗口',
  '展销中心',
  '旗舰店',
];

let shared: JiebaSegmenter | undefined;

/**
 * A Segmenter over one jieba instance with the domain user dictionary loaded.
 * @example JiebaSegmenter.shared().cut('台江县劳务协作') // ['台江县', '劳务协作']
 */
export class JiebaSegmenter implements Segmenter {
  private readonly jieba: Jieba;

  private constructor(jieba: Jieba) {
    this.jieba = jieba;
  }

  /**
   * Returns the process-wide segmenter, creating it on first use (about 0.2 s for jieba's dictionary).
   * @example JiebaSegmenter.shared().cut('从江县开展东西部扶贫协作') // ['从江县', '开展', '东西部扶贫协作']
   */
  static shared(): JiebaSegmenter {
    if (!shared) {
      const jieba = Jieba.withDict(dict);
      jieba.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 100000 n`).join('\n') + '\n'));
      shared = new JiebaSegmenter(jieba);
    }
    return shared;
  }

  /**
   * Cuts text into words (precise mode, no HMM for unknown words).
   * @param text - simplified Chinese text
   * @example seg.cut('台江县劳务协作') // ['台江县', '劳务协作']
   */
  cut(text: string): string[] {
    return this.jieba.cut(text, false);
  }

  /**
   * Cuts text into words with their part-of-speech tags (jieba's ICTCLAS-style tags: ns place, v verb …).
   * @param text - simplified Chinese text
   * @example seg.tag('在从江县设立窗口') // [{ word: '在', tag: 'p' }, { word: '从江县', tag: 'ns' }, …]
   */
  tag(text: string): { word: string; tag: string }[] {
    return this.jieba.tag(text, false);
  }
}

/**
 * A per-document cache in front of a segmenter: several extractors cut or tag the same sentences, and
 * each sentence is segmented once. Tagging gives the same words as cutting (both without HMM), so a
 * cut of an already tagged text costs nothing. Make one per document; it holds the document's words.
 * @example new CachingSegmenter(JiebaSegmenter.shared()).tag('在从江县') // [{ word: '在', tag: 'p' }, …]
 */
export class CachingSegmenter implements Segmenter {
  private readonly inner: Segmenter;
  private readonly cuts = new Map<string, string[]>();
  private readonly tags = new Map<string, { word: string; tag: string }[]>();

  /**
   * @param inner - the process-wide segmenter
   * @example const seg = new CachingSegmenter(JiebaSegmenter.shared()); seg.cut('从江县'); seg.cut('从江县') // segmented once
   */
  constructor(inner: Segmenter) {
    this.inner = inner;
  }

  /** Cuts text into words, once per distinct text. */
  cut(text: string): string[] {
    let words = this.cuts.get(text);
    if (!words) {
      const tagged = this.tags.get(text);
      words = tagged ? tagged.map((t) => t.word) : this.inner.cut(text);
      this.cuts.set(text, words);
    }
    return words;
  }

  /** Tags text, once per distinct text. */
  tag(text: string): { word: string; tag: string }[] {
    let tagged = this.tags.get(text);
    if (!tagged) {
      tagged = this.inner.tag(text);
      this.tags.set(text, tagged);
    }
    return tagged;
  }
}
