// The fixed content of the demo municipality: subjects, courses, programmes, weekly plans, period grids
// and rooms. Swedish names are data (they are what the UI shows).

export interface SubjectDefinition {
  code: string;
  nameSv: string;
  nameEn: string;
  /** prefix of teaching-group names, e.g. "Ma" in "Ma7B" */
  short: string;
}

export const SUBJECTS: readonly SubjectDefinition[] = [
  { code: 'FSK', nameSv: 'Förskoleklass', nameEn: 'Preschool class', short: 'Fsk' },
  { code: 'SV', nameSv: 'Svenska', nameEn: 'Swedish', short: 'Sv' },
  { code: 'MA', nameSv: 'Matematik', nameEn: 'Mathematics', short: 'Ma' },
  { code: 'EN', nameSv: 'Engelska', nameEn: 'English', short: 'En' },
  { code: 'NO', nameSv: 'Naturorienterande ämnen', nameEn: 'Science studies', short: 'NO' },
  { code: 'SO', nameSv: 'Samhällsorienterande ämnen', nameEn: 'Social studies', short: 'SO' },
  { code: 'BI', nameSv: 'Biologi', nameEn: 'Biology', short: 'Bi' },
  { code: 'FY', nameSv: 'Fysik', nameEn: 'Physics', short: 'Fy' },
  { code: 'KE', nameSv: 'Kemi', nameEn: 'Chemistry', short: 'Ke' },
  { code: 'GE', nameSv: 'Geografi', nameEn: 'Geography', short: 'Ge' },
  { code: 'HI', nameSv: 'Historia', nameEn: 'History', short: 'Hi' },
  { code: 'RE', nameSv: 'Religionskunskap', nameEn: 'Religious studies', short: 'Re' },
  { code: 'SH', nameSv: 'Samhällskunskap', nameEn: 'Civics', short: 'Sh' },
  { code: 'TK', nameSv: 'Teknik', nameEn: 'Technology', short: 'Tk' },
  { code: 'IDH', nameSv: 'Idrott och hälsa', nameEn: 'Physical education and health', short: 'Idh' },
  { code: 'BL', nameSv: 'Bild', nameEn: 'Art', short: 'Bl' },
  { code: 'MU', nameSv: 'Musik', nameEn: 'Music', short: 'Mu' },
  { code: 'SL', nameSv: 'Slöjd', nameEn: 'Crafts', short: 'Sl' },
  { code: 'HKK', nameSv: 'Hem- och konsumentkunskap', nameEn: 'Home and consumer studies', short: 'Hkk' },
  { code: 'MLSPA', nameSv: 'Moderna språk, spanska', nameEn: 'Modern languages, Spanish', short: 'Spa' },
  { code: 'MLTYS', nameSv: 'Moderna språk, tyska', nameEn: 'Modern languages, German', short: 'Ty' },
  { code: 'MLFRA', nameSv: 'Moderna språk, franska', nameEn: 'Modern languages, French', short: 'Fr' },
  { code: 'NK', nameSv: 'Naturkunskap', nameEn: 'Natural science', short: 'Nk' },
  { code: 'PS', nameSv: 'Psykologi', nameEn: 'Psychology', short: 'Ps' },
  { code: 'FI', nameSv: 'Filosofi', nameEn: 'Philosophy', short: 'Fi' },
  { code: 'PRR', nameSv: 'Programmering', nameEn: 'Programming', short: 'Prr' },
  { code: 'CAD', nameSv: 'Cad', nameEn: 'Computer-aided design', short: 'Cad' },
  { code: 'EL', nameSv: 'Elteknik', nameEn: 'Electrical engineering', short: 'El' },
  { code: 'GA', nameSv: 'Gymnasiearbete', nameEn: 'Diploma project', short: 'GyA' },
];

/** The modern languages of språkval, years 6–9, with the share of students choosing each. */
export const MODERN_LANGUAGES: readonly { subjectCode: string; share: number }[] = [
  { subjectCode: 'MLSPA', share: 0.5 },
  { subjectCode: 'MLTYS', share: 0.25 },
  { subjectCode: 'MLFRA', share: 0.25 },
];
export const MODERN_LANGUAGE_FIRST_YEAR = 6;
export const MODERN_LANGUAGE_GROUP_MAX = 28;

export interface CourseDefinition {
  code: string;
  name: string;
  points: number;
  subjectCode: string;
  /** prefix of teaching-group names, e.g. "Ma1c" in "Ma1c-NA26" */
  short: string;
}

// Gy11 course codes. The El- och energiprogrammet's vocational courses use made-up codes in the same pattern.
export const COURSES: readonly CourseDefinition[] = [
  { code: 'MATMAT01a', name: 'Matematik 1a', points: 100, subjectCode: 'MA', short: 'Ma1a' },
  { code: 'MATMAT01b', name: 'Matematik 1b', points: 100, subjectCode: 'MA', short: 'Ma1b' },
  { code: 'MATMAT01c', name: 'Matematik 1c', points: 100, subjectCode: 'MA', short: 'Ma1c' },
  { code: 'MATMAT02b', name: 'Matematik 2b', points: 100, subjectCode: 'MA', short: 'Ma2b' },
  { code: 'MATMAT02c', name: 'Matematik 2c', points: 100, subjectCode: 'MA', short: 'Ma2c' },
  { code: 'MATMAT03c', name: 'Matematik 3c', points: 100, subjectCode: 'MA', short: 'Ma3c' },
  { code: 'MATMAT04', name: 'Matematik 4', points: 100, subjectCode: 'MA', short: 'Ma4' },
  { code: 'SVESVE01', name: 'Svenska 1', points: 100, subjectCode: 'SV', short: 'Sv1' },
  { code: 'SVESVE02', name: 'Svenska 2', points: 100, subjectCode: 'SV', short: 'Sv2' },
  { code: 'SVESVE03', name: 'Svenska 3', points: 100, subjectCode: 'SV', short: 'Sv3' },
  { code: 'ENGENG05', name: 'Engelska 5', points: 100, subjectCode: 'EN', short: 'En5' },
  { code: 'ENGENG06', name: 'Engelska 6', points: 100, subjectCode: 'EN', short: 'En6' },
  { code: 'ENGENG07', name: 'Engelska 7', points: 100, subjectCode: 'EN', short: 'En7' },
  { code: 'IDRIDR01', name: 'Idrott och hälsa 1', points: 100, subjectCode: 'IDH', short: 'Idh1' },
  { code: 'HISHIS01a1', name: 'Historia 1a1', points: 50, subjectCode: 'HI', short: 'Hi1a1' },
  { code: 'HISHIS01b', name: 'Historia 1b', points: 100, subjectCode: 'HI', short: 'Hi1b' },
  { code: 'HISHIS02a', name: 'Historia 2a', points: 100, subjectCode: 'HI', short: 'Hi2a' },
  { code: 'SAMSAM01a1', name: 'Samhällskunskap 1a1', points: 50, subjectCode: 'SH', short: 'Sh1a1' },
  { code: 'SAMSAM01b', name: 'Samhällskunskap 1b', points: 100, subjectCode: 'SH', short: 'Sh1b' },
  { code: 'SAMSAM02', name: 'Samhällskunskap 2', points: 100, subjectCode: 'SH', short: 'Sh2' },
  { code: 'SAMSAM03', name: 'Samhällskunskap 3', points: 100, subjectCode: 'SH', short: 'Sh3' },
  { code: 'NAKNAK01a1', name: 'Naturkunskap 1a1', points: 50, subjectCode: 'NK', short: 'Nk1a1' },
  { code: 'NAKNAK01b', name: 'Naturkunskap 1b', points: 100, subjectCode: 'NK', short: 'Nk1b' },
  { code: 'RELREL01', name: 'Religionskunskap 1', points: 50, subjectCode: 'RE', short: 'Re1' },
  { code: 'PSKPSY01', name: 'Psykologi 1', points: 50, subjectCode: 'PS', short: 'Ps1' },
  { code: 'FILFIL01', name: 'Filosofi 1', points: 50, subjectCode: 'FI', short: 'Fi1' },
  { code: 'GEOGEO01', name: 'Geografi 1', points: 100, subjectCode: 'GE', short: 'Ge1' },
  { code: 'BIOBIO01', name: 'Biologi 1', points: 100, subjectCode: 'BI', short: 'Bi1' },
  { code: 'BIOBIO02', name: 'Biologi 2', points: 100, subjectCode: 'BI', short: 'Bi2' },
  { code: 'FYSFYS01a', name: 'Fysik 1a', points: 150, subjectCode: 'FY', short: 'Fy1a' },
  { code: 'FYSFYS02', name: 'Fysik 2', points: 100, subjectCode: 'FY', short: 'Fy2' },
  { code: 'KEMKEM01', name: 'Kemi 1', points: 100, subjectCode: 'KE', short: 'Ke1' },
  { code: 'KEMKEM02', name: 'Kemi 2', points: 100, subjectCode: 'KE', short: 'Ke2' },
  { code: 'TEKTEK01', name: 'Teknik 1', points: 150, subjectCode: 'TK', short: 'Tek1' },
  { code: 'TEKTEK02', name: 'Teknik 2', points: 100, subjectCode: 'TK', short: 'Tek2' },
  { code: 'PRRPRR01', name: 'Programmering 1', points: 100, subjectCode: 'PRR', short: 'Prr1' },
  { code: 'PRRPRR02', name: 'Programmering 2', points: 100, subjectCode: 'PRR', short: 'Prr2' },
  { code: 'CADCAD01', name: 'Cad 1', points: 50, subjectCode: 'CAD', short: 'Cad1' },
  { code: 'GYARNA', name: 'Gymnasiearbete NA', points: 100, subjectCode: 'GA', short: 'GyA' },
  { code: 'GYARSA', name: 'Gymnasiearbete SA', points: 100, subjectCode: 'GA', short: 'GyA' },
  { code: 'GYARTE', name: 'Gymnasiearbete TE', points: 100, subjectCode: 'GA', short: 'GyA' },
  { code: 'GYAREE', name: 'Gymnasiearbete EE', points: 100, subjectCode: 'GA', short: 'GyA' },
  { code: 'ELEPRA0', name: 'Praktisk ellära', points: 100, subjectCode: 'EL', short: 'PrEl' },
  { code: 'ELEMEK0', name: 'Elektromekanik', points: 100, subjectCode: 'EL', short: 'ElMek' },
  { code: 'ELEKRA0', name: 'Elkraftteknik', points: 100, subjectCode: 'EL', short: 'ElKr' },
  { code: 'ELEINS0', name: 'Elinstallationer', points: 200, subjectCode: 'EL', short: 'ElInst' },
  { code: 'ELEMST0', name: 'Mät- och styrteknik', points: 100, subjectCode: 'EL', short: 'MoS' },
  { code: 'ELEKOM01', name: 'Kommunikationsnät 1', points: 100, subjectCode: 'EL', short: 'Kom1' },
  { code: 'ELEMOT0', name: 'Elmotorstyrning', points: 200, subjectCode: 'EL', short: 'ElMot' },
];

/** course or subject code → lessons per week */
export type WeeklyPlan = Readonly<Record<string, number>>;

export interface ProgrammeDefinition {
  code: string;
  name: string;
  /** the building its home rooms are in */
  building: string;
  /** courses of years 1, 2 and 3 */
  plans: readonly [WeeklyPlan, WeeklyPlan, WeeklyPlan];
}

export const PROGRAMMES: readonly ProgrammeDefinition[] = [
  {
    code: 'NA',
    name: 'Naturvetenskapsprogrammet',
    building: 'N',
    plans: [
      { MATMAT01c: 3, SVESVE01: 2, ENGENG05: 2, IDRIDR01: 2, BIOBIO01: 2, KEMKEM01: 2, HISHIS01b: 2, SAMSAM01b: 2 },
      { MATMAT02c: 3, SVESVE02: 2, ENGENG06: 2, FYSFYS01a: 3, KEMKEM02: 2, BIOBIO02: 2, RELREL01: 1, FILFIL01: 1 },
      { MATMAT03c: 3, SVESVE03: 2, FYSFYS02: 2, MATMAT04: 2, PSKPSY01: 1, GYARNA: 2 },
    ],
  },
  {
    code: 'SA',
    name: 'Samhällsvetenskapsprogrammet',
    building: 'S',
    plans: [
      {
        MATMAT01b: 3,
        SVESVE01: 2,
        ENGENG05: 2,
        IDRIDR01: 2,
        HISHIS01b: 2,
        SAMSAM01b: 2,
        NAKNAK01b: 2,
        PSKPSY01: 1,
        RELREL01: 1,
        GEOGEO01: 1,
      },
      { MATMAT02b: 3, SVESVE02: 2, ENGENG06: 2, SAMSAM02: 3, HISHIS02a: 2, FILFIL01: 1 },
      { SVESVE03: 2, SAMSAM03: 3, ENGENG07: 2, GYARSA: 2 },
    ],
  },
  {
    code: 'TE',
    name: 'Teknikprogrammet',
    building: 'T',
    plans: [
      { MATMAT01c: 3, SVESVE01: 2, ENGENG05: 2, IDRIDR01: 2, TEKTEK01: 3, PRRPRR01: 2, FYSFYS01a: 2, KEMKEM01: 2 },
      { MATMAT02c: 3, SVESVE02: 2, ENGENG06: 2, HISHIS01b: 2, RELREL01: 1, CADCAD01: 2, PRRPRR02: 2, SAMSAM01b: 2 },
      { MATMAT03c: 3, SVESVE03: 2, TEKTEK02: 2, FILFIL01: 1, GYARTE: 2 },
    ],
  },
  {
    code: 'EE',
    name: 'El- och energiprogrammet',
    building: 'E',
    plans: [
      { MATMAT01a: 2, SVESVE01: 2, ENGENG05: 2, IDRIDR01: 2, ELEPRA0: 4, ELEMEK0: 3, HISHIS01a1: 1 },
      { ELEKRA0: 4, ELEINS0: 4, ELEMST0: 3, SAMSAM01a1: 1, NAKNAK01a1: 1, RELREL01: 1 },
      { ELEKOM01: 3, ELEMOT0: 3, ELEINS0: 3, GYAREE: 2 },
    ],
  },
];

/** Compulsory school, year level 0 (förskoleklass) to 9; modern languages are added from year 6. */
export function compulsoryPlan(yearLevel: number): WeeklyPlan {
  if (yearLevel === 0) return { FSK: 13, IDH: 2 };
  if (yearLevel <= 3) return { SV: 7, MA: 5, EN: 2, NO: 2, SO: 2, IDH: 2, BL: 1, MU: 1, SL: 1, TK: 1 };
  if (yearLevel <= 5) return { SV: 5, MA: 5, EN: 3, NO: 4, SO: 4, IDH: 2, BL: 1, MU: 1, SL: 2, TK: 1, HKK: 1 };
  if (yearLevel === 6) return { SV: 5, MA: 5, EN: 3, NO: 3, SO: 3, IDH: 2, BL: 1, MU: 1, SL: 2, TK: 1, HKK: 1 };
  return { SV: 4, MA: 5, EN: 3, BI: 1, FY: 1, KE: 1, GE: 1, HI: 1, RE: 1, SH: 1, TK: 1, IDH: 2, BL: 1, MU: 1, SL: 2, HKK: 1 };
}

/** Subjects the class teacher (klasslärare) teaches in the younger years; specialists take the rest. */
export function classTeacherSubjects(yearLevel: number): readonly string[] {
  if (yearLevel <= 3) return ['FSK', 'SV', 'MA', 'EN', 'NO', 'SO', 'TK'];
  if (yearLevel <= 6) return ['SV', 'MA', 'SO', 'NO'];
  return [];
}

export interface PeriodDefinition {
  /** ISO weekday, 1 = Monday */
  weekday: number;
  /** minutes after midnight, local time */
  startMinute: number;
  durationMinutes: number;
}

const at = (clock: string): number => {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours as number) * 60 + (minutes as number);
};

/** One day's periods as [start, minutes]; rast and lunch are the gaps between them. */
type DayGrid = readonly (readonly [string, number])[];

function weekGrid(days: readonly [DayGrid, DayGrid, DayGrid, DayGrid, DayGrid]): PeriodDefinition[] {
  return days.flatMap((day, index) =>
    day.map(([start, durationMinutes]) => ({ weekday: index + 1, startMinute: at(start), durationMinutes })),
  );
}

// Lunch: förskoleklass 10:50–11:30, years 1–3 11:25–12:05, 4–6 11:20–12:00, 7–9 11:40–12:20,
// gymnasium 11:55–12:45 (12:00 on Wednesdays, which start late).
const PRESCHOOL_DAY: DayGrid = [
  ['08:30', 60],
  ['09:50', 60],
  ['11:30', 60],
];
const PRESCHOOL_WEDNESDAY: DayGrid = [
  ['08:30', 80],
  ['10:10', 40],
  ['11:30', 60],
];
const JUNIOR_DAY: DayGrid = [
  ['08:15', 60],
  ['09:35', 60],
  ['10:45', 40],
  ['12:05', 50],
  ['13:05', 40],
];
const MIDDLE_DAY: DayGrid = [
  ['08:10', 60],
  ['09:20', 40],
  ['10:20', 60],
  ['12:00', 60],
  ['13:10', 40],
  ['14:00', 40],
];
const SENIOR_DAY: DayGrid = [
  ['08:10', 60],
  ['09:20', 40],
  ['10:20', 80],
  ['12:20', 60],
  ['13:30', 40],
  ['14:20', 40],
];
const UPPER_DAY: DayGrid = [
  ['08:30', 80],
  ['10:05', 60],
  ['11:15', 40],
  ['12:45', 80],
  ['14:20', 60],
];
const UPPER_WEDNESDAY: DayGrid = [
  ['09:30', 80],
  ['11:00', 60],
  ['12:45', 80],
];
const UPPER_FRIDAY: DayGrid = [
  ['08:30', 80],
  ['10:05', 60],
  ['11:15', 40],
  ['12:45', 60],
];

export function periodGrid(yearLevel: number): PeriodDefinition[] {
  if (yearLevel === 0) return weekGrid([PRESCHOOL_DAY, PRESCHOOL_DAY, PRESCHOOL_WEDNESDAY, PRESCHOOL_DAY, PRESCHOOL_DAY]);
  if (yearLevel <= 3) return weekGrid([JUNIOR_DAY, JUNIOR_DAY, JUNIOR_DAY, JUNIOR_DAY, JUNIOR_DAY.slice(0, 4)]);
  if (yearLevel <= 6) return weekGrid([MIDDLE_DAY, MIDDLE_DAY, MIDDLE_DAY, MIDDLE_DAY, MIDDLE_DAY.slice(0, 5)]);
  if (yearLevel <= 9) return weekGrid([SENIOR_DAY, SENIOR_DAY, SENIOR_DAY, SENIOR_DAY, SENIOR_DAY.slice(0, 5)]);
  return weekGrid([UPPER_DAY, UPPER_DAY, UPPER_WEDNESDAY, UPPER_DAY, UPPER_FRIDAY]);
}

/**
 * The two lessons of a year level's språkval, at the same time for all its classes so that the
 * language groups can mix them: the weekday and the index of the period in that day's grid.
 */
export const MODERN_LANGUAGE_PERIODS: Readonly<Record<number, readonly { weekday: number; period: number }[]>> = {
  6: [
    { weekday: 1, period: 4 },
    { weekday: 3, period: 4 },
  ],
  7: [
    { weekday: 1, period: 5 },
    { weekday: 3, period: 5 },
  ],
  8: [
    { weekday: 2, period: 5 },
    { weekday: 4, period: 5 },
  ],
  9: [
    { weekday: 2, period: 4 },
    { weekday: 4, period: 4 },
  ],
};

export type RoomKind =
  'HOME' | 'SPORTS' | 'MUSIC' | 'ART' | 'CRAFTS' | 'HOME_ECONOMICS' | 'SCIENCE' | 'TECHNOLOGY' | 'LANGUAGE' | 'WORKSHOP';

/** Named rooms first; when they are all taken at a time, numbered ones of the same kind. */
export const ROOMS: Record<Exclude<RoomKind, 'HOME'>, { names: readonly string[]; numbered: string }> = {
  SPORTS: { names: ['Idrottshallen', 'Gymnastiksalen'], numbered: 'Idrottshall' },
  MUSIC: { names: ['Musiksalen'], numbered: 'Musiksal' },
  ART: { names: ['Bildsalen'], numbered: 'Bildsal' },
  CRAFTS: { names: ['Slöjdsalen trä', 'Slöjdsalen textil'], numbered: 'Slöjdsal' },
  HOME_ECONOMICS: { names: ['Hemkunskapssalen'], numbered: 'Hemkunskapssal' },
  SCIENCE: { names: ['NO-salen', 'Labbet'], numbered: 'NO-sal' },
  TECHNOLOGY: { names: ['Tekniksalen'], numbered: 'Tekniksal' },
  LANGUAGE: { names: [], numbered: 'Språksal' },
  WORKSHOP: { names: ['Elverkstaden'], numbered: 'Elverkstad' },
};

export function roomKindFor(subjectCode: string, yearLevel: number): RoomKind {
  switch (subjectCode) {
    case 'IDH':
      return 'SPORTS';
    case 'MU':
      return 'MUSIC';
    case 'BL':
      return 'ART';
    case 'SL':
      return 'CRAFTS';
    case 'HKK':
      return 'HOME_ECONOMICS';
    case 'BI':
    case 'FY':
    case 'KE':
      return yearLevel >= 7 ? 'SCIENCE' : 'HOME';
    case 'TK':
    case 'PRR':
    case 'CAD':
      return yearLevel >= 7 ? 'TECHNOLOGY' : 'HOME';
    case 'EL':
      return 'WORKSHOP';
    case 'MLSPA':
    case 'MLTYS':
    case 'MLFRA':
      return 'LANGUAGE';
    default:
      return 'HOME';
  }
}

/** What a subject teacher can teach; new teachers get the least common profile that fits. */
export const TEACHER_PROFILES: Record<'COMPULSORY' | 'UPPER_SECONDARY', readonly (readonly string[])[]> = {
  COMPULSORY: [
    ['MA', 'NO', 'BI', 'FY', 'KE', 'TK'],
    ['SV', 'SO', 'GE', 'HI', 'RE', 'SH'],
    ['SV', 'EN'],
    ['EN', 'MLSPA'],
    ['SV', 'MLTYS'],
    ['EN', 'MLFRA'],
    ['MA', 'TK'],
    ['IDH'],
    ['MU'],
    ['BL'],
    ['SL'],
    ['HKK'],
  ],
  UPPER_SECONDARY: [
    ['MA', 'FY', 'GA'],
    ['MA', 'KE'],
    ['BI', 'KE', 'NK'],
    ['SV', 'HI'],
    ['SV', 'EN'],
    ['EN', 'SH'],
    ['SH', 'HI', 'RE', 'FI', 'PS', 'GE', 'GA'],
    ['IDH'],
    ['TK', 'PRR', 'CAD', 'GA'],
    ['EL', 'GA'],
  ],
};

/** A full-time subject teacher's weekly teaching, in minutes. */
export const TEACHING_MINUTES_PER_WEEK = 960;

export const CANCELLATION_NOTES: readonly string[] = [
  'Inställd: läraren är sjuk',
  'Inställd: läraren är på fortbildning',
  'Inställd: klassen är på studiebesök',
  'Inställd: temadag för årskursen',
];

export const MOVE_NOTES: readonly string[] = [
  'Flyttad: läraren har utvecklingssamtal',
  'Flyttad: gemensam aktivitet på förmiddagen',
  'Flyttad till eftermiddagen',
];

export const ROOM_CHANGE_NOTES: readonly string[] = ['Nytt rum: ordinarie sal är upptagen', 'Nytt rum: vattenskada i salen', 'Nytt rum'];

export const SPARE_ROOMS: readonly string[] = ['Biblioteket', 'Aulan', 'Studiehallen', 'D101', 'D102'];
