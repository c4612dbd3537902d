/**
 * Benchmark inputs in Japanese, Chinese, Korean and Arabic: Markdown documents generated (seeded) from sentences we
 * wrote for the purpose, and the translated titles they use, added to the bundled term map where it has none yet, so
 * that the figures measure matching in those scripts whether or not the bundled glossary has those locales.
 */
import type { TermMap } from '../../src/glossary/types';
import { seededRandom } from '../../test/helpers/seededRandom';

export type ScriptLocale = 'ja' | 'zh-hans' | 'ko' | 'ar';

/** Titles by term id for the terms the generated documents mention (our own translations, for the bench only). */
const TITLES: Readonly<Record<string, Readonly<Record<ScriptLocale, string>>>> = {
  'attention-mask': { ja: 'アテンションマスク', 'zh-hans': '注意力掩码', ko: '어텐션 마스크', ar: 'قناع الانتباه' },
  'self-attention': { ja: '自己注意', 'zh-hans': '自注意力', ko: '셀프 어텐션', ar: 'الانتباه الذاتي' },
  'input-ids': { ja: '入力ID', 'zh-hans': '输入ID', ko: '입력 ID', ar: 'معرفات الإدخال' },
  token: { ja: 'トークン', 'zh-hans': '令牌', ko: '토큰', ar: 'الرمز' },
  'fine-tuning': { ja: 'ファインチューニング', 'zh-hans': '微调', ko: '미세 조정', ar: 'الضبط الدقيق' },
};

/** Filler sentences (no glossary term in them) and sentence frames with `{}` where a term goes, per locale. */
const FILLER: Readonly<Record<ScriptLocale, readonly string[]>> = {
  ja: [
    'この節では学習の流れを順番に説明します。',
    '設定ファイルを読み込んでから実行してください。',
    '結果は表にまとめて後で比べます。',
    '小さなデータでまず試すと安全です。',
  ],
  'zh-hans': [
    '本节按顺序说明训练的流程。',
    '请先读取配置文件再运行脚本。',
    '结果会整理成表格以便比较。',
    '先用少量数据试一试比较稳妥。',
  ],
  ko: [
    '이 절에서는 학습 과정을 차례로 설명합니다.',
    '설정 파일을 먼저 읽은 뒤 실행하세요.',
    '결과는 표로 정리해 나중에 비교합니다.',
    '작은 데이터로 먼저 시험해 보면 안전합니다.',
  ],
  ar: [
    'يشرح هذا القسم خطوات التدريب بالترتيب.',
    'اقرأ ملف الإعدادات أولا ثم شغّل البرنامج.',
    'نجمع النتائج في جدول لنقارنها لاحقا.',
    'من الأسلم أن نجرب على بيانات قليلة أولا.',
  ],
};

const FRAMES: Readonly<Record<ScriptLocale, readonly string[]>> = {
  ja: ['モデルには{}を渡します。', '{}の形は入力と同じです。', '`{}` を確認してください。'],
  'zh-hans': ['模型需要传入{}。', '{}的形状与输入相同。', '请检查 `{}` 的取值。'],
  ko: ['모델에 {}도 넘깁니다.', '{}의 모양은 입력과 같습니다.', '`{}`를 확인하세요.'],
  ar: ['نمرر {} إلى النموذج.', 'شكل {} مثل شكل المدخلات.', 'تحقق من `{}` قبل التشغيل.'],
};

/** A copy of `termMap` in which the terms above carry their titles in the four locales (kept where present). */
export function withScriptTitles(termMap: TermMap): TermMap {
  return {
    ...termMap,
    terms: termMap.terms.map((term) => {
      const titles = TITLES[term.id];
      return titles === undefined ? term : { ...term, titles: { ...titles, ...term.titles } };
    }),
  };
}

/**
 * A Markdown document of about `chars` UTF-16 units in `locale`: headings and paragraphs of a few sentences, about one
 * sentence in three naming a term, sometimes with Arabic diacritics or a Korean particle as real text has them.
 */
export function scriptDoc(locale: ScriptLocale, chars: number, seed = 5): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const ids = Object.keys(TITLES);
  const parts: string[] = [];
  let size = 0;
  let paragraph = 0;
  while (size < chars) {
    paragraph++;
    let text: string;
    if (paragraph % 10 === 1) {
      text = `## ${pick(FILLER[locale])}`;
    } else {
      const sentences: string[] = [];
      for (let s = 0; s < 6; s++) {
        if (random() < 0.35) {
          let term = TITLES[pick(ids)]![locale];
          if (locale === 'ar' && random() < 0.3) term = term.replace('ا', 'اَ');
          sentences.push(pick(FRAMES[locale]).replace('{}', term));
        } else {
          sentences.push(pick(FILLER[locale]));
        }
      }
      text = sentences.join(locale === 'ja' || locale === 'zh-hans' ? '' : ' ');
    }
    parts.push(text);
    size += text.length + 2;
  }
  return parts.join('\n\n');
}
