/**
 * UCDP's side names in Syria as Arabic-language sources write them, for readers of Arabic: the names
 * of the demo's events of 2016 (members of joint sides too) and of the dictionary's actors. A joint
 * side whose every member is here reads as their names joined; a side not here has no Arabic name
 * (its English one is shown). docs/ucdp-mapping.md.
 */
export const UCDP_NAMES_AR: Readonly<Record<string, string>> = {
  // States and the coalition.
  'Government of Syria': 'الحكومة السورية',
  'Government of Russia (Soviet Union)': 'الحكومة الروسية',
  'Government of Russia': 'الحكومة الروسية',
  'Government of United States of America': 'التحالف الدولي بقيادة الولايات المتحدة',
  'Government of Turkey': 'الحكومة التركية',
  'Government of Iraq': 'الحكومة العراقية',
  'Government of Iran': 'الحكومة الإيرانية',
  'Government of Israel': 'الحكومة الإسرائيلية',
  'Government of Jordan': 'الحكومة الأردنية',
  // Designated groups.
  IS: 'تنظيم الدولة الإسلامية',
  'Jabhat Fateh al-Sham': 'جبهة فتح الشام',
  'Jabhat al-Nusra': 'جبهة النصرة',
  HTS: 'هيئة تحرير الشام',
  "Hay'at Tahrir al-Sham": 'هيئة تحرير الشام',
  'al-Qaida': 'تنظيم القاعدة',
  ETIM: 'الحزب الإسلامي التركستاني',
  // Other armed groups.
  'Syrian insurgents': 'فصائل المعارضة السورية',
  SDF: 'قوات سوريا الديمقراطية',
  SNA: 'الجيش الوطني السوري',
  'National Front for Liberation': 'الجبهة الوطنية للتحرير',
  'Ahrar al-Sham': 'حركة أحرار الشام',
  'Jaysh al-Islam': 'جيش الإسلام',
  'Rahman Corps': 'فيلق الرحمن',
  Hezbollah: 'حزب الله',
  PKK: 'حزب العمال الكردستاني',
  '13th Division': 'الفرقة ١٣',
  'Ajnad al-Kavkaz': 'أجناد القوقاز',
  'Ajnad al-Sham': 'أجناد الشام',
  'Aknaf Bait al-Maqdis': 'أكناف بيت المقدس',
  Civilians: 'مدنيون',
  FSA: 'الجيش السوري الحر',
  'Fatah Halab': 'غرفة عمليات فتح حلب',
  'Fistaqim Kama Umirat': 'تجمع فاستقم كما أمرت',
  'Furqan Brigades': 'ألوية الفرقان',
  'Hawar Kilis Operations Room': 'غرفة عمليات حوار كلس',
  'Islamic Front': 'الجبهة الإسلامية',
  'Jaysh Asoud al-Sharqiya': 'جيش أسود الشرقية',
  'Jaysh al-Asha’er': 'جيش العشائر',
  'Jaysh al-Nukhba': 'جيش النخبة',
  'Jaysh al-Sunna': 'جيش السنة',
  'Levant Front': 'الجبهة الشامية',
  'Liwa al-Aqsa': 'لواء الأقصى',
  'Liwa al-Haq Idlib': 'لواء الحق',
  "Mare' Operations Room": 'غرفة عمليات مارع',
  'Martyr Lieutenant Ahmed Abdou Brigades': 'كتائب الشهيد أحمد عبدو',
  'Mujahideen Army': 'جيش المجاهدين',
  'NDF (Syria)': 'قوات الدفاع الوطني',
  NSA: 'جيش سوريا الجديد',
  'Nour al-Din al-Zenki': 'حركة نور الدين الزنكي',
  'PFLP-GC': 'الجبهة الشعبية لتحرير فلسطين - القيادة العامة',
  PLO: 'منظمة التحرير الفلسطينية',
  SRF: 'جبهة ثوار سوريا',
  'Sham Legion': 'فيلق الشام',
  'Shohadaa al-Yarmouk': 'لواء شهداء اليرموك',
  'Sons of Yarmouk Movement': 'حركة أبناء اليرموك',
  'Southern Front': 'الجبهة الجنوبية',
  'Suqour al-Sham Brigades': 'ألوية صقور الشام',
  'Syrian National Coalition': 'الائتلاف الوطني السوري',
  'Tahrir al- Sham Army': 'جيش تحرير الشام',
  'Tel Khamis Brigades': 'كتائب تل حميس',
};

/** The Arabic name of a side: its own, or its members' joined when each has one; else none. */
export function arabicNameOf(names: readonly string[]): string | undefined {
  const arabic = names.map((n) => UCDP_NAMES_AR[n]);
  return arabic.every((a) => a !== undefined) && arabic.length > 0 ? arabic.join('، ') : undefined;
}
