/**
 * What the server says to people (explanations of findings, causes of their history, alerts),
 * rendered in the reader's language from the statement's code and terms
 * (src/domain/statements.ts): names, places and dates written for the reader, never ids. The
 * Arabic table is typed against the English one, so a statement without Arabic fails to compile.
 */
import {
  ACT_NOUNS_EN,
  CIVILIAN_OBJECTS_EN,
  listEnglish,
  type RecordKind,
  recordNameEn,
  type Statement,
  type StatementCode,
  STATEMENTS_EN,
  type Term,
} from '../../../src/contract/statements.ts';
import type { Act, CivilianTarget } from '../../../src/contract/enums.ts';
import type { Lang } from './format.ts';

export type { Statement };

export const STATEMENTS_AR: Record<StatementCode, string> = {
  'finding.rule': 'القاعدة {rule} من {agreement}:',
  'finding.no_agreement': 'لم يكن أي اتفاق ساريًا في {at} ونطاقه يشمل الموقع {point}.',
  'finding.act_not_prohibited': 'لا يحظر {agreement} هذا الفعل ({act}).',
  'finding.perpetrator_unknown':
    'لم يُنسب الحادث إلى فاعل، فلا يمكن مساءلة أحد بموجب الاتفاق بعد؛ يحتاج الحادث إلى تحديد المسؤولية.',
  'finding.perpetrator_excluded': 'الفاعل، {perpetrator}، مستثنى من {agreement}: لا يُلزمه الاتفاق ولا يحميه.',
  'finding.perpetrator_never_party': 'لم يكن الفاعل، {perpetrator}، طرفًا في {agreement} حينها: لم يقبله قط.',
  'finding.perpetrator_not_yet_party': 'لم يكن الفاعل، {perpetrator}، طرفًا في {agreement} حينها: لم يقبله إلا في {at}.',
  'finding.perpetrator_withdrew': 'لم يكن الفاعل، {perpetrator}، طرفًا في {agreement} حينها: انسحب منه في {at}.',
  'finding.target_civilian': '{perpetrator} ({standing}) {act}: هدف مدني.',
  'finding.target_excluded': 'الهدف، {target}، مستثنى من {agreement}؛ يجوز أن تستمر العمليات ضده.',
  'finding.target_party': '{perpetrator} ({standing}) {act} ({target_standing}).',
  'finding.target_not_party': 'لم يكن الهدف، {target}، مستثنى من {agreement} ولا طرفًا فيه حينها.',
  'finding.target_unknown': 'لم يُسمَّ هدف، ولا تغطي أي منطقة سيطرة الموقع حينها، فلا يُعرف من أصاب الهجوم.',
  'finding.target_own_area':
    'لم يُسمَّ هدف، وكان الموقع حينها تحت سيطرة {holders}، ومنهم الفاعل: هجوم في منطقته يحتاج إلى مراجعة.',
  'finding.target_area_excluded': 'لم يُسمَّ هدف، وكان الموقع حينها تحت سيطرة {holders}، وكلهم مستثنون من {agreement}.',
  'finding.target_intermingled':
    'لم يُسمَّ هدف، وكان الموقع حينها تحت سيطرة {holders}: تتداخل هناك جماعات مستثناة وأخرى مشمولة، فيجب مراجعة الفصل بينها.',
  'finding.target_area_party': '{perpetrator} ({standing}) {act}، ومنهم طرف في الاتفاق.',
  'finding.target_area_not_party':
    'لم يُسمَّ هدف، وكان الموقع حينها تحت سيطرة {holders}، وليس أي منهم طرفًا في {agreement}.',
  'finding.self_defense':
    'يدّعي الفاعل الدفاع عن النفس، وهو ما يجيزه {agreement} إن كان متناسبًا: راجِعوا هل كانت القوة المستخدمة متناسبة.',
  'party.since': 'طرف منذ {at}',
  'party.plain': 'طرف',
  'object.place_held': 'موقعًا كان حينها تحت سيطرة {holders}',
  'act.air_strike': 'شنّ غارة جوية على {object}',
  'act.shelling': 'قصف {object}',
  'act.missile': 'أطلق صاروخًا على {object}',
  'act.ground_assault': 'شنّ هجومًا بريًا على {object}',
  'act.small_arms': 'أطلق النار على {object}',
  'act.atgm': 'أطلق صاروخًا موجّهًا مضادًا للدروع على {object}',
  'act.territory_seizure': 'انتزع أرضًا من {object}',
  'act.access_denial': 'منع وصول {object}',
  'act.arrest': 'نفّذ اعتقالات في {object}',
  'act.other': 'تصرّف ضد {object}',
  'territory.change': 'في {at}، انتقلت السيطرة على {zone} من {before} إلى {after}.',
  'territory.from_excluded': 'كل من كانوا يسيطرون على المنطقة مستثنون من {agreement}، فانتزاعها منهم جائز.',
  'territory.seizure':
    '{gainers}، وهو طرف، انتزع أرضًا من {losers}، وهو طرف: لا يجوز للأطراف الاستيلاء على أراضٍ من بعضها.',
  'territory.gainers_excluded': 'كل من كسبوا المنطقة مستثنون من {agreement}، الذي لا يُلزمهم ولا يحميهم.',
  'territory.unclear': 'لا يجعل الكاسبون والخاسرون هذا استيلاءً واضحًا بين أطراف: يحتاج إلى مراجعة.',
  'cause.zone.create': 'رسم {by} المنطقة {zone}.',
  'cause.zone.replace-control': 'أعاد {by} كتابة السيطرة على {zone}.',
  'cause.zone.change-control': 'تغيّرت السيطرة على {zone}، وأدخل ذلك {by}.',
  'cause.zone.change-geometry': 'أعاد {by} رسم حدود {zone}.',
  'cause.zone.rename': 'أعاد {by} تسمية {before} إلى {zone}.',
  'cause.agreement.create': 'أدخل {by} الاتفاق {agreement}.',
  'cause.agreement.replace': 'عدّل {by} الاتفاق {agreement}.',
  'cause.agreement.add-party': 'أضاف {by} طرفًا إلى {agreement}.',
  'cause.agreement.add-clause': 'أضاف {by} بندًا إلى {agreement}.',
  'cause.agreement.withdraw-party': 'أدخل {by} انسحاب طرف من {agreement}.',
  'cause.agreement.change-terms':
    'غيّر {by} شروط {agreement} (فترات السريان أو النطاق أو الاستثناءات أو الأفعال المحظورة).',
  'cause.agreement.publish': 'نشر {by} الاتفاق {agreement} من غرفة التفاوض، بموافقة {approvers}.',
  'cause.actor.update': 'غيّر {by} بيانات {actor}.',
  'cause.incident.create': 'أدخل {by} الحادث.',
  'cause.incident.update': 'غيّر {by} وقائع الحادث.',
  'cause.incident.merge': 'دمج {by} الحادث في حادث آخر.',
  'cause.scenario_load': 'حُمّل السيناريو «{name}».',
  'cause.import': 'استُوردت حوادث من {name}.',
  'cause.zones_import': 'استورد {by} مناطق من ملف.',
  'cause.bundle_import': 'استورد {by} الحزمة «{name}».',
  'cause.rules_updated': 'حُدّثت القواعد ({version}).',
  'cause.withheld': 'تغيير في سجل لا يحق لك الاطلاع عليه.',
  'cause.recorded': '{text}',
  'alert.violation': 'خرق لـ{agreement} من قِبل {violators}.',
  'alert.violation_unattributed': 'خرق لـ{agreement}.',
  'alert.protected_site': 'على بعد {distance} م من موقع محمي ({kind}) أُبلغت به الأطراف، داخل نطاقه البالغ {buffer} م.',
  'alert.operation_conflict':
    'عملية مخطط لها تقترب إلى {clearance} م من موقع محمي ({kind})، داخل نطاقه البالغ {buffer} م.',
  'error.not_found': 'لا يوجد {record} بهذا المعرّف ({id})، أو لا يحق لك رؤيته.',
  'error.sign_in': 'سجّل الدخول أولًا.',
  'error.wrong_password': 'اسم المستخدم أو كلمة المرور غير صحيحة.',
  'error.token_unknown': 'رمز الوصول إلى الواجهة البرمجية غير معروف أو أُلغي.',
  'error.forbidden_role': 'لا يحق لدور «{role}» القيام بهذا.',
  'error.csrf': 'ينقص الطلب رمز الحماية: أعد تحميل الصفحة وحاول مجددًا.',
  'error.report_linked': 'هذا البلاغ رواية لحادث آخر بالفعل: افصله عنه أولًا.',
  'error.report_in_incident': 'هذا البلاغ رواية لحادث: افصله عنه قبل تنحيته.',
  'error.duplicate_of_duplicate': 'ذلك البلاغ نفسه مكرر: اختر البلاغ الأصلي.',
  'error.merge_ruled': 'للحادث المراد دمجه قرارات: اسحبها، أو ادمج في الاتجاه الآخر.',
  'error.exists': 'يوجد {record} بالمعرّف «{id}» من قبل.',
  'error.rate_limited': 'محاولات كثيرة: حاول مجددًا بعد {seconds} ثانية.',
  'error.sign_in_held': 'محاولات دخول كثيرة باسم المستخدم هذا: حاول مجددًا بعد {minutes} دقيقة.',
  'error.too_large': 'الطلب أكبر من المسموح.',
  'error.internal': 'حدث خطأ من جهتنا، وقد سُجّل.',
  'error.unavailable': 'تعذّر الوصول إلى قاعدة البيانات الآن: حاول مجددًا بعد قليل.',
  'error.disk_full': 'قرص الخادم ممتلئ: لم يُكتب شيء. ما زالت القراءة ممكنة.',
  'error.other': '{text}',
  'error.convoy_out_of_order': 'طلب القافلة هذا {state}: «{step}» ليست خطوته التالية.',
  'error.convoy_not_party': 'لا يقوم بخطوة «{step}» إلا {party}.',
  'error.room_co_chair_opens': 'لا تفتح غرفة تفاوض إلا منظمة من الرئيسين المشاركين.',
  'error.room_co_chair_invites': 'لا تدعو إلى غرفة التفاوض إلا منظمة من الرئيسين المشاركين.',
  'error.publication_not_approver': 'لا يوافق على نشر الاتفاق إلا الرئيسان المشاركان اللذان يسمّيهما: {orgs}.',
  'error.publication_approved_already': 'وافقت منظمتك على هذا المقترح من قبل.',
  'error.publication_voided': 'أُلغي هذا المقترح لتغيّر أحد بنوده: اقترح الصيغ الجديدة للموافقة عليها.',
  'error.publication_published': 'نُشر هذا المقترح من قبل.',
  'error.publication_missing': 'لم يوافق عليه {orgs}: على كل رئيس مشارك يسمّيه الاتفاق أن يوافق على هذه الصيغ أولًا.',
  'error.draft_confirmed': 'سبق أن أكّد {by} هذه المسودة في {at}، وقُدّم بلاغها.',
  'error.draft_dropped': 'سبق أن أسقط {by} هذه المسودة في {at}.',
  'error.convoy_not_draft': 'طلب القافلة هذا {state}: لا يُعدَّل إلا الطلب الذي ما زال مسودة.',
  'error.convoy_decided': 'سبق أن قرّر {party} بشأن طلب القافلة هذا.',
  'convoy.state.draft': 'مسودة',
  'convoy.state.submitted': 'مقدَّم، بانتظار قرارات الأطراف',
  'convoy.state.approved': 'موافَق عليه',
  'convoy.state.partly_approved': 'موافَق عليه جزئيًا',
  'convoy.state.denied': 'مرفوض',
  'convoy.state.letter_issued': 'موافَق عليه، مع رسالة التسهيل',
  'convoy.state.dispatched': 'انطلقت القافلة',
  'convoy.state.arrived': 'وصلت القافلة',
  'convoy.state.turned_back': 'أُعيدت القافلة',
  'convoy.state.attacked': 'تعرّضت القافلة لهجوم',
  'convoy.state.delivered': 'سُلِّمت المساعدات',
  'convoy.step.submit': 'تقديم الطلب',
  'convoy.step.decide': 'تسجيل قرار',
  'convoy.step.issue_letter': 'تسجيل رسالة التسهيل',
  'convoy.step.dispatch': 'إطلاق القافلة',
  'convoy.step.arrive': 'تسجيل الوصول',
  'convoy.step.turn_back': 'تسجيل إعادة القافلة',
  'convoy.step.report_attack': 'الإبلاغ عن هجوم',
  'convoy.step.deliver': 'تسجيل التسليم',
  'convoy.party.organizer': 'المنظمة المنظِّمة',
  'convoy.party.approver': 'منظمة تقرّر باسم طرف لم يقرّر بعد، أو الأمانة',
  'convoy.party.secretariat': 'الأمانة',
  'problem.required': 'مطلوب',
  'problem.type': 'يجب أن يكون من النوع {expected}',
  'problem.one_of': 'يجب أن يكون أحد: {values}',
  'problem.unknown_fields': 'فيه حقول لا يقبلها هذا الطلب: {fields}',
  'problem.at_least': 'يجب ألا يقل عن {limit}',
  'problem.at_most': 'يجب ألا يزيد على {limit}',
  'problem.min_length': 'يجب ألا يقل عن {limit} حرفًا',
  'problem.max_length': 'يجب ألا يزيد على {limit} حرفًا',
  'problem.min_items': 'يجب أن يضم {limit} عنصرًا على الأقل',
  'problem.max_items': 'يجب ألا يضم أكثر من {limit} عنصرًا',
  'problem.other': '{text}',
  'problem.area_too_many_points': 'فيها {count} نقطة؛ والحد الأقصى للمنطقة {limit}',
  'problem.outside_world': 'النقطة {point} خارج حدود العالم: خط الطول بين ‎-180 و180، ودائرة العرض بين ‎-90 و90',
  'problem.outside_syria': 'النقطة {point} تقع خارج سوريا وحدودها',
  'problem.ring_points': 'تحتاج الحلقة إلى 3 نقاط مختلفة على الأقل؛ وفي هذه {count}',
  'problem.ring_open': 'يجب أن تنتهي الحلقة حيث بدأت',
  'problem.ring_flat': 'لا تحيط بأي مساحة: نقاطها على خط واحد',
  'problem.ring_crosses': 'الحلقة تتقاطع مع نفسها قرب {point}',
  'problem.hole_outside': 'يجب أن يقع الثقب {hole} داخل حلقته الخارجية دون أن يلمسها',
  'problem.holes_overlap': 'الثقب {hole} يتداخل مع الثقب {other}',
  'problem.parts_overlap': 'الجزء {part} يتداخل مع الجزء {other} أو يلمسه: لا يلتقي جزءان إلا عند رأس مشترك بينهما',
  'problem.url_invalid': 'يجب أن يكون عنوانًا كاملًا يبدأ بـ http أو https',
  'problem.url_scheme': 'يجب أن يبدأ بـ http أو https، لا {scheme}',
  'problem.url_credentials': 'يجب ألا يتضمن اسم مستخدم أو كلمة مرور (التوقيع يثبت هوية المرسِل)',
  'problem.url_fragment': 'يجب ألا يتضمن جزءًا بعد العلامة #',
  'problem.url_private': 'يشير إلى عنوان محلي أو خاص ({host}): لا يسلّم هذا الخادم إلا إلى عناوين عامة',
  'problem.unknown_record': 'لا يوجد {record} «{id}»، أو لا يحق لك رؤيته',
  // A file's values (dates, ids) are left to right inside the Arabic sentence (isolated: U+2066 … U+2069).
  'problem.import_fields': 'فيه {count} حقلًا، وفي سطر العناوين {expected}',
  'problem.import_missing': 'غير موجود',
  'problem.import_empty': 'فارغ',
  'problem.import_id': 'يجب أن يكون معرّفًا من حروف لاتينية وأرقام و‎._:-‎، لا «\u2066{value}\u2069»',
  'problem.import_actor_id': 'يجب أن يكون معرّف جهة فاعلة، لا «\u2066{value}\u2069»',
  'problem.import_acled_type': 'يجب أن يكون أحد أنواع الأحداث في ACLED، لا «\u2066{value}\u2069»',
  'problem.import_choice': 'يجب أن يكون أحد: {values}، لا «\u2066{value}\u2069»',
  'problem.import_day': 'يجب أن يكون تاريخًا بصيغة YYYY-MM-DD، لا «\u2066{value}\u2069»',
  'problem.import_acled_date': 'يجب أن يكون تاريخًا مثل 2016-09-19 أو 19 September 2016، لا «\u2066{value}\u2069»',
  'problem.import_instant': 'يجب أن يكون وقتًا مثل 2016-09-19T16:15:00Z، لا «\u2066{value}\u2069»',
  'problem.import_between': 'يجب أن يكون بين {min} و{max}، لا «\u2066{value}\u2069»',
  'problem.import_whole_range': 'يجب أن يكون عددًا صحيحًا من {min} إلى {max}، لا «\u2066{value}\u2069»',
  'problem.import_whole_min': 'يجب أن يكون عددًا صحيحًا، {min} أو أكثر، لا «\u2066{value}\u2069»',
  'problem.import_flag': 'يجب أن يكون 1 أو 0، لا «\u2066{value}\u2069»',
  'problem.import_before_occurred': 'يجب ألا يسبق وقت وقوع الحدث',
  'problem.import_before_start': 'يجب ألا يسبق date_start ‏(\u2066{start}\u2069)، لا «\u2066{value}\u2069»',
  'problem.import_repeats': 'يكرر حدث السطر {line}',
  'problem.import_no_rows': 'لا صفوف فيه',
  'problem.import_no_incident': 'لا حادثة فيه',
  'problem.import_json': 'ليس مستند JSON',
  'problem.import_not_collection': 'يجب أن يكون مجموعة معالم GeoJSON ‏(FeatureCollection)',
  'problem.import_not_feature': 'يجب أن يكون معلمًا من GeoJSON ‏(Feature)',
  'problem.import_no_features': 'لا معالم فيه',
  'problem.import_geometry_type': 'يجب أن يكون من نوع \u2066{expected}\u2069، لا «\u2066{value}\u2069»',
  'problem.import_coordinates': 'يجب أن يحمل إحداثيات من نوع \u2066{expected}\u2069',
  'problem.import_text': 'يجب أن يكون نصًا',
  'problem.import_unknown_actor': 'لا يسمّي جهة فاعلة يعرفها Truce: «\u2066{value}\u2069»',
  'problem.import_date':
    'يجب أن يكون تاريخًا بصيغة YYYY-MM-DD أو وقتًا مثل 2016-09-19T16:15:00Z، لا «\u2066{value}\u2069»',
  'problem.import_after': 'يجب أن يأتي بعد \u2066{start}\u2069',
  'problem.import_min': 'يجب أن يكون عددًا، {min} أو أكثر، لا «\u2066{value}\u2069»',
  'problem.import_either': 'اذكر \u2066{one}\u2069 أو \u2066{other}\u2069، لا كليهما',
  'problem.import_repeats_feature': 'يكرر معرّف المعلم {feature}',
  'problem.import_duplicate_id': 'يكرر المعرّف «\u2066{value}\u2069»',
  'problem.import_header_lacks': 'ليس الملف بصيغة {format}: ينقص رأسَه {columns}',
  'problem.import_hashtags_lack': 'ليس الملف بصيغة {format} للحوادث: تنقص وسومَه {columns}',
  'problem.import_no_header': 'ليس الملف بصيغة {format}: لا رأس في صفوفه الأولى',
  'problem.import_header_empty': 'ليس الملف بصيغة {format}: إنه فارغ (لا رأس له)',
  'problem.import_csv_ends_quoted': 'ينتهي الملف داخل حقل بين علامتي اقتباس',
  'problem.import_csv_quote_unclosed': 'حقل بين علامتي اقتباس لا يُغلق قبل نهاية الملف',
  'problem.import_csv_after_quote': 'نص غير متوقع بعد علامة الاقتباس الختامية للحقل {field}',
  'problem.import_low_above_high': 'الحد الأدنى ({low}) أعلى من الحد الأعلى ({high})؛ أُبقي كما نشره UCDP',
  'problem.import_best_below_low': 'أفضل تقدير ({best}) أدنى من الحد الأدنى ({low})؛ أُبقي كما نشره UCDP',
  'problem.import_best_above_high': 'أفضل تقدير ({best}) أعلى من الحد الأعلى ({high})؛ أُبقي كما نشره UCDP',
  'problem.import_not_truce_event': 'أحداث «{value}» ليست من حوادث الهدنة',
  'problem.import_repaired_closed': 'لم تنتهِ الحلقة حيث بدأت: أُغلقت',
  'problem.import_repaired_split':
    'كانت الحلقة تتقاطع مع نفسها قرب {point}: قُسمت هناك إلى أجزاء عددها {count}، كما تصلحها أدوات نظم المعلومات الجغرافية',
  'error.webhook_limit': 'لديك {count} من خطافات الويب: احذف واحدًا أولًا.',
};

const RECORDS_AR: Record<RecordKind, string> = {
  incident: 'حادث',
  report: 'بلاغ',
  attachment: 'مرفق',
  agreement: 'اتفاق',
  'agreement clause': 'بند اتفاق',
  party: 'طرف',
  zone: 'منطقة',
  'protected site': 'موقع محمي',
  operation: 'عملية',
  convoy: 'قافلة',
  actor: 'جهة فاعلة',
  finding: 'حكم',
  ruling: 'قرار',
  'hotline thread': 'محادثة الخط الساخن',
  'besieged area': 'منطقة محاصرة',
  'population estimate': 'تقدير لعدد السكان',
  'local agreement': 'اتفاق محلي',
  evacuation: 'عملية إجلاء',
  'convoy request': 'طلب قافلة',
  'negotiation room': 'غرفة تفاوض',
  'room clause': 'بند في غرفة التفاوض',
  'publication proposal': 'مقترح نشر',
  user: 'مستخدم',
  organization: 'منظمة',
  'api token': 'رمز وصول',
  webhook: 'خطاف ويب',
  record: 'سجل',
};

const ROLES_AR: Record<string, string> = {
  admin: 'المدير',
  analyst: 'المحلل',
  monitor: 'المراقب',
  reporter: 'المبلّغ',
  humanitarian: 'العامل الإنساني',
  observer: 'المطّلع',
};

const ACT_NOUNS_AR: Record<Act, string> = {
  air_strike: 'غارة جوية',
  shelling: 'قصف',
  missile: 'ضربة صاروخية',
  ground_assault: 'هجوم بري',
  small_arms: 'إطلاق نار بأسلحة خفيفة',
  atgm: 'صاروخ موجّه مضاد للدروع',
  territory_seizure: 'استيلاء على أرض',
  access_denial: 'منع وصول',
  arrest: 'اعتقال',
  other: 'فعل آخر',
};

const CIVILIAN_OBJECTS_AR: Record<CivilianTarget, string> = {
  hospital: 'مستشفى',
  school: 'مدرسة',
  market: 'سوق',
  residential: 'حيّ سكني',
  convoy: 'قافلة إنسانية',
  aid_facility: 'منشأة إغاثة',
  infrastructure: 'بنية تحتية مدنية',
  civilians: 'مدنيين',
};

/** The kinds of protected site of the demo world and the common ones; another kind reads as its words ("water_station" → "water station"). */
const SITE_KINDS: Record<Lang, Record<string, string>> = {
  en: {
    hospital: 'hospital',
    school: 'school',
    aid_facility: 'aid facility',
    convoy_route: 'convoy route',
    troops: 'troops',
    checkpoint: 'checkpoint',
    market: 'market',
  },
  ar: {
    hospital: 'مستشفى',
    school: 'مدرسة',
    aid_facility: 'منشأة إغاثة',
    convoy_route: 'طريق قافلة',
    troops: 'قوات',
    checkpoint: 'حاجز',
    market: 'سوق',
  },
};

/** A protected site's kind (a code in the site's record) as words. */
export function siteKind(kind: string, lang: Lang): string {
  return SITE_KINDS[lang][kind] ?? SITE_KINDS.en[kind] ?? kind.replace(/_/g, ' ');
}

const TABLES = {
  en: {
    statements: STATEMENTS_EN as Record<StatementCode, string>,
    acts: ACT_NOUNS_EN,
    civilians: CIVILIAN_OBJECTS_EN,
    nobody: 'nobody',
  },
  ar: { statements: STATEMENTS_AR, acts: ACT_NOUNS_AR, civilians: CIVILIAN_OBJECTS_AR, nobody: 'لا أحد' },
} as const;

/** What rendering needs from the page: names as the reader may see them, and the reader's way with dates and numbers. */
export interface StatementReader {
  lang: Lang;
  actorName(id: string): string;
  agreementTitle(id: string): string;
  /** A zone's name in the reader's language; else the English name the statement carries. */
  zoneName?(id: string, given: string): string;
  dateTime(iso: string): string;
  number(n: number): string;
  /** An organization's name in the reader's language; its id where none is given. */
  orgName?(id: string): string;
}

/** A statement in the reader's language. */
export function renderStatement(s: Statement, r: StatementReader): string {
  const template = TABLES[r.lang].statements[s.code] ?? STATEMENTS_EN[s.code] ?? s.code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const t = s.params[name];
    if (t === undefined) return whole;
    // A site's kind travels as text (the record's code): read it as words.
    if (name === 'kind' && 'text' in t) return siteKind(t.text, r.lang);
    return renderTerm(t, r);
  });
}

/** Several statements as one paragraph. */
export function renderStatements(statements: readonly Statement[], r: StatementReader): string {
  return statements.map((s) => renderStatement(s, r)).join(' ');
}

/**
 * A name in Latin letters inside an Arabic sentence, isolated (U+2068 … U+2069): otherwise the
 * bidi algorithm carries its parentheses, commas and digits into the Arabic around it.
 */
function isolate(name: string, lang: Lang): string {
  return lang === 'ar' && /[A-Za-z]/.test(name) ? `\u2068${name}\u2069` : name;
}

function renderTerm(t: Term, r: StatementReader): string {
  const table = TABLES[r.lang];
  const name = (s: string) => isolate(s, r.lang);
  if ('actor' in t) return name(r.actorName(t.actor));
  if ('actors' in t)
    return t.actors.length === 0
      ? table.nobody
      : list(
          t.actors.map((a) => name(r.actorName(a))),
          r.lang,
        );
  if ('agreement' in t) return name(r.agreementTitle(t.agreement));
  if ('zone' in t) return name((r.zoneName ? r.zoneName(t.zone, t.name) : t.name) || t.zone);
  if ('user' in t) return name(t.user);
  if ('instant' in t) return r.dateTime(t.instant);
  if ('act' in t) return table.acts[t.act];
  if ('civilian' in t) return table.civilians[t.civilian];
  if ('point' in t) return point(t.point, r);
  // English numbers as the server writes them (1000 m); other languages with their own digits.
  if ('number' in t) return r.lang === 'en' ? String(t.number) : r.number(t.number);
  if ('text' in t) return t.text;
  if ('record' in t) return r.lang === 'ar' ? RECORDS_AR[t.record] : recordNameEn(t.record);
  if ('role' in t) return r.lang === 'ar' ? (ROLES_AR[t.role] ?? t.role) : t.role;
  if ('orgs' in t)
    return list(
      t.orgs.map((o) => name(r.orgName ? r.orgName(o) : o)),
      r.lang,
    );
  return renderStatement(t.statement, r);
}

function list(items: string[], lang: Lang): string {
  // English as the server writes it (names holding "and" kept apart by semicolons).
  if (lang === 'en') return listEnglish(items);
  return new Intl.ListFormat(lang === 'ar' ? 'ar' : 'en-GB', { type: 'conjunction' }).format(items);
}

function point({ lon, lat }: { lon: number; lat: number }, r: StatementReader): string {
  const f = (n: number) =>
    new Intl.NumberFormat(r.lang === 'ar' ? 'ar-SY' : 'en-GB', {
      minimumFractionDigits: 4,
      maximumFractionDigits: 4,
    }).format(Math.abs(n));
  return r.lang === 'ar'
    ? `${f(lat)}° ${lat < 0 ? 'جنوبًا' : 'شمالًا'}، ${f(lon)}° ${lon < 0 ? 'غربًا' : 'شرقًا'}`
    : `${f(lat)}° ${lat < 0 ? 'S' : 'N'}, ${f(lon)}° ${lon < 0 ? 'W' : 'E'}`;
}
