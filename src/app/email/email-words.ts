/**
 * The words of emails, in English and Arabic: one catalogue per language, typed so that a word without
 * its Arabic fails to compile. Words that the web app also shows (the names of a site's kind, of a
 * priority, of a kind of email; a notification's labels) are the web app's own:
 * web/src/i18n/email-words.test.ts compares them.
 */
import type { EmailKind, Language } from '../../contract/email.ts';
import type { HotlinePriority } from '../../contract/hotline.ts';
import type { TargetKind } from '../../contract/notices.ts';
import type { SiteKind } from '../../contract/notifications.ts';

const en = {
  'subject.notification.received': 'Humanitarian notification: {name}',
  'subject.notification.renewed': 'Humanitarian notification renewed: {name}',
  'subject.notification.overdue': 'Not acknowledged by the deadline: {name}',
  'subject.hotline.addressed': 'Hotline, {priority}: {subject}',
  'subject.hotline.escalated': 'Hotline thread escalated to the secretariat: {subject}',
  'heading.notification.received': '{org} notified your organization.',
  'heading.notification.renewed': '{org} renewed its notification: your organization is asked to acknowledge it again.',
  'heading.notification.overdue.owner':
    'The deadline to acknowledge your notification has passed and not every recipient has acknowledged it.',
  'heading.notification.overdue.recipient':
    'The deadline to acknowledge this notification has passed and your organization has not acknowledged it.',
  'heading.hotline.addressed': '{org} opened a hotline thread to your organization.',
  'heading.hotline.escalated':
    'A recipient did not acknowledge this thread in time: it is escalated to the secretariat (deadline {level}).',
  'label.what': 'What',
  'label.notifiedBy': 'Notified by',
  'label.valid': 'Valid',
  'label.window': 'Time window',
  'label.acknowledgeBy': 'Acknowledge by',
  'label.where': 'Where',
  'label.vehicles': 'Vehicles',
  'label.cargo': 'Cargo',
  'label.recipients': 'Recipients',
  'label.notAcknowledged': 'Not acknowledged by',
  'label.from': 'From',
  'label.to': 'To',
  'label.priority': 'Priority',
  'label.message': 'Message',
  'label.linked': 'Linked records',
  'label.opened': 'Opened',
  movement: 'Movement',
  notARequest:
    'Notification, not a request for permission: the parties are informed; they do not approve. Each recipient acknowledges that it has been told.',
  'open.notification': 'Open the notification in Truce',
  'open.thread': 'Open the thread in Truce',
  footer:
    'You receive this email because you asked for it on your account page ("{kind}"). To stop it, change your choices there: {url}',
  place: '{place}, {area}',
  coordinates: 'latitude {lat}, longitude {lon}',
  route: 'from {from} to {to}',
  none: 'none',
  separator: ', ',
  'siteKind.hospital': 'Hospital',
  'siteKind.school': 'School',
  'siteKind.warehouse': 'Warehouse',
  'siteKind.office': 'Office',
  'siteKind.idp_camp': 'Camp for displaced people',
  'siteKind.other': 'Other site',
  'priority.urgent': 'Urgent',
  'priority.high': 'High',
  'priority.routine': 'Routine',
  'kind.notification.received': 'Humanitarian notifications to my organization',
  'kind.notification.overdue': 'Notifications not acknowledged by their deadline',
  'kind.hotline.addressed': 'Hotline threads opened to my organization',
  'kind.hotline.escalated': 'Hotline threads escalated to the secretariat',
  'kind.report.daily': "The daily report, when my organization's administrators send it to me",
  'subject.notice.conflict': 'Operation notice in conflict: {targets}',
  'heading.notice.conflict':
    'An operation notice of your organization comes within the buffer of what follows: places that must be kept clear.',
  'subject.deconfliction.alert': 'An operation is planned near {target}',
  'heading.deconfliction.alert':
    'An operation is planned near a place of your organization. Its details are not shared with you: only how near it comes and when.',
  'label.declaredBy': 'Declared by',
  'label.atRisk': 'At risk',
  'label.clearance': 'Clearance',
  'label.planned': 'Planned',
  clearance: '{m} m clear',
  'clearance.touching': 'touching',
  notified: 'Notified to the declaring party',
  neverNotified: 'The declaring party was never notified of this',
  fromOn: 'from {from}, with no end set',
  'target.protected_site': 'Protected site',
  'target.notification_site': 'Notified site',
  'target.movement': 'Notified movement',
  'target.position': 'Position',
  'open.console': 'Open the deconfliction console in Truce',
  'kind.notice.conflict': 'Conflicts found for my organization’s operation notices',
  'kind.deconfliction.alert': 'Operations planned near my organization’s places',
} as const;

export type WordKey = keyof typeof en;
export type Words = Record<WordKey, string>;

const ar: Words = {
  'subject.notification.received': 'إخطار إنساني: {name}',
  'subject.notification.renewed': 'تجديد إخطار إنساني: {name}',
  'subject.notification.overdue': 'لم يُقَرّ به قبل المهلة: {name}',
  'subject.hotline.addressed': 'الخط الساخن، {priority}: {subject}',
  'subject.hotline.escalated': 'صُعِّدت محادثة على الخط الساخن إلى الأمانة: {subject}',
  'heading.notification.received': 'أخطرت {org} منظمتكم.',
  'heading.notification.renewed': 'جدّدت {org} إخطارها: يُطلب من منظمتكم الإقرار به مجدداً.',
  'heading.notification.overdue.owner': 'انقضت مهلة الإقرار بإخطاركم ولم يُقرّ به جميع المتلقّين.',
  'heading.notification.overdue.recipient': 'انقضت مهلة الإقرار بهذا الإخطار ولم تُقرّ به منظمتكم.',
  'heading.hotline.addressed': 'فتحت {org} محادثة على الخط الساخن مع منظمتكم.',
  'heading.hotline.escalated': 'لم يُقرّ أحد المتلقّين بهذه المحادثة في الوقت المحدد: صُعِّدت إلى الأمانة (المهلة {level}).',
  'label.what': 'ماذا',
  'label.notifiedBy': 'الجهة المُخطِرة',
  'label.valid': 'صالح',
  'label.window': 'النافذة الزمنية',
  'label.acknowledgeBy': 'الإقرار قبل',
  'label.where': 'المكان',
  'label.vehicles': 'المركبات',
  'label.cargo': 'الحمولة',
  'label.recipients': 'المتلقّون',
  'label.notAcknowledged': 'لم يُقرّ به',
  'label.from': 'من',
  'label.to': 'إلى',
  'label.priority': 'الأولوية',
  'label.message': 'الرسالة',
  'label.linked': 'سجلات مرتبطة',
  'label.opened': 'فُتحت',
  movement: 'تحرّك',
  notARequest: 'إخطار، لا طلب إذن: تُبلَّغ الأطراف ولا توافق. يُقرّ كل مُتلقٍّ بأنه أُبلغ.',
  'open.notification': 'افتح الإخطار في «هدنة»',
  'open.thread': 'افتح المحادثة في «هدنة»',
  footer: 'تصلك هذه الرسالة لأنك طلبتها في صفحة حسابك («{kind}»). لإيقافها غيّر اختياراتك هناك: {url}',
  place: '{place}، {area}',
  coordinates: 'خط العرض {lat}، خط الطول {lon}',
  route: 'من {from} إلى {to}',
  none: 'لا أحد',
  separator: '، ',
  'siteKind.hospital': 'مستشفى',
  'siteKind.school': 'مدرسة',
  'siteKind.warehouse': 'مستودع',
  'siteKind.office': 'مكتب',
  'siteKind.idp_camp': 'مخيّم للنازحين',
  'siteKind.other': 'موقع آخر',
  'priority.urgent': 'عاجلة',
  'priority.high': 'مرتفعة',
  'priority.routine': 'عادية',
  'kind.notification.received': 'الإخطارات الإنسانية الموجّهة إلى منظمتي',
  'kind.notification.overdue': 'الإخطارات التي لم يُقَرّ بها قبل مهلتها',
  'kind.hotline.addressed': 'محادثات الخط الساخن المفتوحة مع منظمتي',
  'kind.hotline.escalated': 'محادثات الخط الساخن المُصعَّدة إلى الأمانة',
  'kind.report.daily': 'التقرير اليومي، حين يرسله إليّ مديرو منظمتي',
  'subject.notice.conflict': 'إشعار عملية في تعارض: {targets}',
  'heading.notice.conflict': 'يقترب إشعار عملية لمنظمتكم من نطاق ما يلي: أماكن يجب إبقاؤها بمنأى.',
  'subject.deconfliction.alert': 'عملية مخطط لها قرب {target}',
  'heading.deconfliction.alert':
    'عملية مخطط لها قرب مكان تابع لمنظمتكم. لا تُشارَك تفاصيلها معكم: فقط مدى قربها وموعدها.',
  'label.declaredBy': 'أعلنتها',
  'label.atRisk': 'المعرّض للخطر',
  'label.clearance': 'المسافة',
  'label.planned': 'موعد العملية',
  clearance: 'على بعد {m} م',
  'clearance.touching': 'متلاصقة',
  notified: 'أُخطر به الطرف المعلِن',
  neverNotified: 'لم يُخطَر الطرف المعلِن بهذا قط',
  fromOn: 'ابتداءً من {from}، دون نهاية محددة',
  'target.protected_site': 'موقع محمي',
  'target.notification_site': 'موقع مُخطَر به',
  'target.movement': 'تحرّك مُخطَر به',
  'target.position': 'موقع عسكري',
  'open.console': 'افتح لوحة تفادي التعارض في «هدنة»',
  'kind.notice.conflict': 'التعارضات التي وُجدت لإشعارات عمليات منظمتي',
  'kind.deconfliction.alert': 'العمليات المخطط لها قرب أماكن منظمتي',
};

export const WORDS: Record<Language, Words> = { en, ar };

/** A word with its `{name}` placeholders filled. */
export function say(words: Words, key: WordKey, values: Record<string, string | number> = {}): string {
  return words[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export const siteKindWord = (kind: SiteKind): WordKey => `siteKind.${kind}`;
export const priorityWord = (priority: HotlinePriority): WordKey => `priority.${priority}`;
export const kindWord = (kind: EmailKind): WordKey => `kind.${kind}`;
export const targetWord = (kind: TargetKind): WordKey => `target.${kind}`;
