// The texts sent home, in the guardian's language. SMS stay short (one or two segments); e-mail
// says the same with a subject. Times are the school's local time.
import { SCHOOL_TIME_ZONE, type MessageLocale } from '@insyn/domain';
import type { NotificationConfig } from '../../config.ts';

export interface MessageText {
  subject: string;
  /** the e-mail body; SMS use `sms` */
  body: string;
  sms: string;
}

const formatters = {
  sv: {
    date: new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', timeZone: SCHOOL_TIME_ZONE }),
    time: new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: SCHOOL_TIME_ZONE }),
  },
  en: {
    date: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: SCHOOL_TIME_ZONE }),
    time: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: SCHOOL_TIME_ZONE }),
  },
};

/** A `YYYY-MM-DD` school date, read at local noon so that no time zone moves it. */
const dateOf = (date: string): Date => new Date(`${date}T12:00:00Z`);

function span(locale: MessageLocale, fromDate: string, toDate: string, fromTime?: string | null, toTime?: string | null): string {
  const { date } = formatters[locale];
  if (fromTime && toTime) return `${date.format(dateOf(fromDate))} ${fromTime}–${toTime}`;
  if (fromDate === toDate) return date.format(dateOf(fromDate));
  return `${date.format(dateOf(fromDate))}–${date.format(dateOf(toDate))}`;
}

function howToReport(locale: MessageLocale, config: NotificationConfig): string {
  const web = `${config.publicUrl}/sjukanmalan`;
  if (locale === 'sv') {
    return config.sickReportPhone ? `Sjukanmäl på ${web} eller ring ${config.sickReportPhone}.` : `Sjukanmäl på ${web}.`;
  }
  return config.sickReportPhone ? `Report sickness at ${web} or call ${config.sickReportPhone}.` : `Report sickness at ${web}.`;
}

/**
 * The lesson's entry in the list behind the absence figures (the web app's /franvaro/lektioner): the day's
 * absence of the student, that lesson marked, with its reason and, while the school allows, a sick report.
 */
export function absenceLessonLink(
  config: Pick<NotificationConfig, 'publicUrl'>,
  facts: Pick<AbsenceFacts, 'studentId' | 'lessonId' | 'date'>,
): string {
  const params = new URLSearchParams({ elev: facts.studentId, dag: facts.date, lektion: facts.lessonId });
  return `${config.publicUrl}/franvaro/lektioner?${params.toString()}`;
}

export interface AbsenceFacts {
  studentId: string;
  lessonId: string;
  /** the lesson's school date, YYYY-MM-DD */
  date: string;
  childName: string;
  subjectSv: string;
  subjectEn: string;
  startsAt: Date;
  status: 'ABSENT' | 'LATE';
  lateMinutes: number | null;
}

export function absenceText(locale: MessageLocale, facts: AbsenceFacts, config: NotificationConfig): MessageText {
  const { date, time } = formatters[locale];
  const when = `${date.format(facts.startsAt)} ${time.format(facts.startsAt)}`;
  // The SMS has room for one link: the lesson's entry, where the home also reports sickness (the phone line too).
  const link = absenceLessonLink(config, facts);
  const phone = config.sickReportPhone;
  if (locale === 'sv') {
    const what =
      facts.status === 'LATE'
        ? `${facts.childName} kom ${facts.lateMinutes ?? '?'} minuter för sent till ${facts.subjectSv} ${when}`
        : `${facts.childName} är frånvarande från ${facts.subjectSv} ${when}`;
    const orCall = phone ? ` eller ring ${phone}` : '';
    return {
      subject: facts.status === 'LATE' ? `Sen ankomst: ${facts.childName}` : `Frånvaro: ${facts.childName}`,
      body: `Hej!\n\n${what}. Ingen sjukanmälan eller beviljad ledighet täcker lektionen.\n\nSe lektionen i Insyn: ${link}\n\n${howToReport(locale, config)}\n\nHälsningar\nSkolan, via Insyn`,
      sms: `Insyn: ${what}, utan anmäld giltig orsak. Se lektionen och sjukanmäl: ${link}${orCall}`,
    };
  }
  const what =
    facts.status === 'LATE'
      ? `${facts.childName} was ${facts.lateMinutes ?? '?'} minutes late for ${facts.subjectEn} at ${when}`
      : `${facts.childName} is absent from ${facts.subjectEn} at ${when}`;
  const orCall = phone ? ` or call ${phone}` : '';
  return {
    subject: facts.status === 'LATE' ? `Late arrival: ${facts.childName}` : `Absence: ${facts.childName}`,
    body: `Hello,\n\n${what}. No sick report or approved leave covers the lesson.\n\nSee the lesson in Insyn: ${link}\n\n${howToReport(locale, config)}\n\nKind regards\nThe school, via Insyn`,
    sms: `Insyn: ${what}, with no valid reason reported. See the lesson and report sickness: ${link}${orCall}`,
  };
}

export interface SickReportFacts {
  childName: string;
  reporterName: string;
  /** STAFF: the home told the school, and `reporterName` is the staff member who registered it */
  channel: 'WEB' | 'PHONE' | 'STAFF';
  fromDate: string;
  toDate: string;
  fromTime: string | null;
  toTime: string | null;
}

export function sickReportText(locale: MessageLocale, facts: SickReportFacts, withdrawn: boolean): MessageText {
  const when = span(locale, facts.fromDate, facts.toDate, facts.fromTime, facts.toTime);
  if (locale === 'sv') {
    const how = facts.channel === 'PHONE' ? 'per telefon' : 'på webben';
    const what = withdrawn
      ? `Sjukanmälan för ${facts.childName} ${when} har återkallats av ${facts.reporterName}.`
      : facts.channel === 'STAFF'
        ? `${facts.childName} är sjukanmäld ${when}: hemmet meddelade skolan och ${facts.reporterName} registrerade anmälan.`
        : `${facts.childName} är sjukanmäld ${when}, anmält av ${facts.reporterName} ${how}.`;
    return {
      subject: withdrawn ? `Sjukanmälan återkallad: ${facts.childName}` : `Sjukanmälan registrerad: ${facts.childName}`,
      body: `Hej!\n\n${what}\n\nHälsningar\nSkolan, via Insyn`,
      sms: `Insyn: ${what}`,
    };
  }
  const how = facts.channel === 'PHONE' ? 'by phone' : 'on the web';
  const what = withdrawn
    ? `The sick report for ${facts.childName} ${when} was withdrawn by ${facts.reporterName}.`
    : facts.channel === 'STAFF'
      ? `${facts.childName} is reported sick ${when}: the home told the school, and ${facts.reporterName} registered the report.`
      : `${facts.childName} is reported sick ${when}, by ${facts.reporterName} ${how}.`;
  return {
    subject: withdrawn ? `Sick report withdrawn: ${facts.childName}` : `Sick report registered: ${facts.childName}`,
    body: `Hello,\n\n${what}\n\nKind regards\nThe school, via Insyn`,
    sms: `Insyn: ${what}`,
  };
}

export interface LeaveDecisionFacts {
  childName: string;
  fromDate: string;
  toDate: string;
  approved: boolean;
  deciderName: string;
  note: string | null;
}

export function leaveDecisionText(locale: MessageLocale, facts: LeaveDecisionFacts): MessageText {
  const when = span(locale, facts.fromDate, facts.toDate);
  if (locale === 'sv') {
    const what = `Ledighetsansökan för ${facts.childName} ${when} har ${facts.approved ? 'beviljats' : 'avslagits'} av ${facts.deciderName}.`;
    const note = facts.note ? ` Motivering: ${facts.note}` : '';
    return {
      subject: `Ledighet ${facts.approved ? 'beviljad' : 'avslagen'}: ${facts.childName}`,
      body: `Hej!\n\n${what}${note}\n\nHälsningar\nSkolan, via Insyn`,
      sms: `Insyn: ${what}${note}`,
    };
  }
  const what = `The leave application for ${facts.childName} ${when} was ${facts.approved ? 'approved' : 'rejected'} by ${facts.deciderName}.`;
  const note = facts.note ? ` Reason: ${facts.note}` : '';
  return {
    subject: `Leave ${facts.approved ? 'approved' : 'rejected'}: ${facts.childName}`,
    body: `Hello,\n\n${what}${note}\n\nKind regards\nThe school, via Insyn`,
    sms: `Insyn: ${what}${note}`,
  };
}

export interface GradeWarningFacts {
  childName: string;
  subjectSv: string;
  subjectEn: string;
  missing: string;
  teacherName: string;
}

/** SMS stay within a few segments; the e-mail and the app have the whole text. */
const MISSING_IN_SMS = 80;
const shortened = (text: string): string => (text.length > MISSING_IN_SMS ? `${text.slice(0, MISSING_IN_SMS - 1)}…` : text);

/** A grade warning is told to the home at once; the school follows up, and the teacher is the one to ask. */
export function gradeWarningText(locale: MessageLocale, facts: GradeWarningFacts, config: NotificationConfig): MessageText {
  if (locale === 'sv') {
    const what = `${facts.childName} riskerar betyget F i ${facts.subjectSv}.`;
    const contact = `Skolan kontaktar er. Frågor: kontakta läraren ${facts.teacherName}.`;
    return {
      subject: `Varning för underkänt betyg: ${facts.childName}, ${facts.subjectSv}`,
      body: `Hej!\n\n${what}\n\nDet som saknas: ${facts.missing}\n\n${contact}\n\nLäs mer i Insyn: ${config.publicUrl}\n\nHälsningar\nSkolan, via Insyn`,
      sms: `Insyn: ${what} Saknas: ${shortened(facts.missing)} ${contact} Läs mer: ${config.publicUrl}`,
    };
  }
  const what = `${facts.childName} is at risk of an F in ${facts.subjectEn}.`;
  const contact = `The school will contact you. Questions: contact the teacher, ${facts.teacherName}.`;
  return {
    subject: `Risk of a failing grade: ${facts.childName}, ${facts.subjectEn}`,
    body: `Hello,\n\n${what}\n\nWhat is missing: ${facts.missing}\n\n${contact}\n\nRead more in Insyn: ${config.publicUrl}\n\nKind regards\nThe school, via Insyn`,
    sms: `Insyn: ${what} Missing: ${shortened(facts.missing)} ${contact} More: ${config.publicUrl}`,
  };
}

export interface DevelopmentPlanFacts {
  childName: string;
  term: 'AUTUMN' | 'SPRING';
  /** the calendar year the term is in */
  year: number;
  mentorName: string;
  /** published before and changed since */
  updated: boolean;
}

/** The IUP is read in Insyn: the message says it is there (or was updated) and who to ask. */
export function developmentPlanText(locale: MessageLocale, facts: DevelopmentPlanFacts, config: NotificationConfig): MessageText {
  const link = `${config.publicUrl}/iup`;
  if (locale === 'sv') {
    const term = `${facts.term === 'AUTUMN' ? 'höstterminen' : 'vårterminen'} ${facts.year}`;
    const what = facts.updated
      ? `${facts.childName}s IUP för ${term} har uppdaterats.`
      : `${facts.childName}s IUP (individuell utvecklingsplan) för ${term} är publicerad.`;
    return {
      subject: `${facts.updated ? 'Uppdaterad IUP' : 'IUP'}: ${facts.childName}, ${term}`,
      body: `Hej!\n\n${what}\n\nLäs den i Insyn: ${link}\nFrågor: kontakta mentorn ${facts.mentorName}.\n\nHälsningar\nSkolan, via Insyn`,
      sms: `Insyn: ${what} Läs den: ${link}`,
    };
  }
  const term = `the ${facts.term === 'AUTUMN' ? 'autumn' : 'spring'} term ${facts.year}`;
  const what = facts.updated
    ? `${facts.childName}'s IUP for ${term} was updated.`
    : `${facts.childName}'s IUP (individual development plan) for ${term} is published.`;
  return {
    subject: `${facts.updated ? 'Updated IUP' : 'IUP'}: ${facts.childName}, ${term}`,
    body: `Hello,\n\n${what}\n\nRead it in Insyn: ${link}\nQuestions: contact the mentor, ${facts.mentorName}.\n\nKind regards\nThe school, via Insyn`,
    sms: `Insyn: ${what} Read it: ${link}`,
  };
}

export interface NewsFacts {
  title: string;
  body: string;
  /** the school, or the class or group the post is for */
  targetName: string;
  authorName: string;
}

/** News goes home by e-mail only, with the whole text; `sms` is there because every MessageText has one, and is never queued. */
export function newsText(locale: MessageLocale, facts: NewsFacts, config: NotificationConfig): MessageText {
  const link = `${config.publicUrl}/nyheter`;
  if (locale === 'sv') {
    return {
      subject: `${facts.targetName}: ${facts.title}`,
      body: `Hej!\n\n${facts.authorName} har skickat information till ${facts.targetName}.\n\n${facts.title}\n\n${facts.body}\n\nLäs i Insyn: ${link}\n\nHälsningar\nSkolan, via Insyn`,
      sms: `Insyn: ${facts.targetName}: ${facts.title}. Läs i Insyn: ${link}`,
    };
  }
  return {
    subject: `${facts.targetName}: ${facts.title}`,
    body: `Hello,\n\n${facts.authorName} sent information to ${facts.targetName}.\n\n${facts.title}\n\n${facts.body}\n\nRead it in Insyn: ${link}\n\nKind regards\nThe school, via Insyn`,
    sms: `Insyn: ${facts.targetName}: ${facts.title}. Read it in Insyn: ${link}`,
  };
}

export interface AssessmentPublishedFacts {
  childName: string;
  subjectSv: string;
  subjectEn: string;
  /** a task's title, or the term of a subject assessment */
  what: { task: string } | { term: 'AUTUMN' | 'SPRING' };
  teacherName: string;
}

/** Says that there is something to read, not the grade: the app shows it to those who may see it. */
export function assessmentPublishedText(locale: MessageLocale, facts: AssessmentPublishedFacts, config: NotificationConfig): MessageText {
  const link = `${config.publicUrl}/omdomen`;
  if (locale === 'sv') {
    const what = (title: (task: string) => string) =>
      `${facts.teacherName} har publicerat ${
        'task' in facts.what
          ? `ett omdöme om "${title(facts.what.task)}"`
          : `ämnesomdömet för ${facts.what.term === 'AUTUMN' ? 'höstterminen' : 'vårterminen'}`
      } i ${facts.subjectSv} för ${facts.childName}.`;
    return {
      subject: `Nytt omdöme: ${facts.childName}, ${facts.subjectSv}`,
      body: `Hej!\n\n${what((task) => task)}\n\nLäs det i Insyn: ${link}\n\nHälsningar\nSkolan, via Insyn`,
      sms: `Insyn: ${what(shortened)} Läs det: ${link}`,
    };
  }
  const what = (title: (task: string) => string) =>
    `${facts.teacherName} has published ${
      'task' in facts.what
        ? `an assessment of "${title(facts.what.task)}"`
        : `the subject assessment for the ${facts.what.term === 'AUTUMN' ? 'autumn' : 'spring'} term`
    } in ${facts.subjectEn} for ${facts.childName}.`;
  return {
    subject: `New assessment: ${facts.childName}, ${facts.subjectEn}`,
    body: `Hello,\n\n${what((task) => task)}\n\nRead it in Insyn: ${link}\n\nKind regards\nThe school, via Insyn`,
    sms: `Insyn: ${what(shortened)} Read it: ${link}`,
  };
}

export interface SupportDecisionFacts {
  childName: string;
  kind: 'SPECIAL_SUPPORT' | 'ACTION_PROGRAMME' | 'ADAPTED_STUDY_PATH';
  /** `YYYY-MM-DD` */
  decidedOn: string;
  deciderName: string;
}

const SUPPORT_KIND_NAMES = {
  sv: { SPECIAL_SUPPORT: 'särskilt stöd', ACTION_PROGRAMME: 'åtgärdsprogram', ADAPTED_STUDY_PATH: 'anpassad studiegång' },
  en: { SPECIAL_SUPPORT: 'special support', ACTION_PROGRAMME: 'an action programme', ADAPTED_STUDY_PATH: 'an adapted study path' },
};

/**
 * A support decision is always sent home. What was decided stays behind the login (it is sensitive); the
 * message says that there is a decision, of what kind, and where to read and acknowledge it.
 */
export function supportDecisionText(locale: MessageLocale, facts: SupportDecisionFacts, config: NotificationConfig): MessageText {
  const link = `${config.publicUrl}/beslut-om-stod`;
  const on = formatters[locale].date.format(dateOf(facts.decidedOn));
  const kind = SUPPORT_KIND_NAMES[locale][facts.kind];
  if (locale === 'sv') {
    const what = `${facts.deciderName} har den ${on} fattat beslut om ${kind} för ${facts.childName}.`;
    return {
      subject: `Beslut om ${kind}: ${facts.childName}`,
      body: `Hej!\n\n${what}\n\nLäs beslutet i Insyn och bekräfta att du har tagit del av det: ${link}\n\nHälsningar\nSkolan, via Insyn`,
      sms: `Insyn: ${what} Läs och bekräfta: ${link}`,
    };
  }
  const what = `On ${on} ${facts.deciderName} decided on ${kind} for ${facts.childName}.`;
  return {
    subject: `Decision on ${kind.replace(/^an? /, '')}: ${facts.childName}`,
    body: `Hello,\n\n${what}\n\nRead the decision in Insyn and confirm that you have read it: ${link}\n\nKind regards\nThe school, via Insyn`,
    sms: `Insyn: ${what} Read and confirm: ${link}`,
  };
}

/**
 * An adult student gave or withdrew a guardian's access. Only that: the guardian learns nothing else of the
 * student from it (no link, no school, no reason).
 */
export function consentText(locale: MessageLocale, studentFirstName: string, given: boolean): MessageText {
  if (locale === 'sv') {
    const what = given
      ? `${studentFirstName} har gett dig tillgång till sina uppgifter i Insyn.`
      : `${studentFirstName} har tagit tillbaka din tillgång till sina uppgifter i Insyn.`;
    return {
      subject: given ? 'Tillgång given i Insyn' : 'Tillgång återkallad i Insyn',
      body: `Hej!\n\n${what}\n\nHälsningar\nInsyn`,
      sms: `Insyn: ${what}`,
    };
  }
  const what = given
    ? `${studentFirstName} has given you access to their information in Insyn.`
    : `${studentFirstName} has withdrawn your access to their information in Insyn.`;
  return {
    subject: given ? 'Access given in Insyn' : 'Access withdrawn in Insyn',
    body: `Hello,\n\n${what}\n\nKind regards\nInsyn`,
    sms: `Insyn: ${what}`,
  };
}
