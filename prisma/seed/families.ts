// Students and their guardians. Most children have two guardians, some one; some guardians have two
// children in the compulsory school, in different year levels.
import { MODERN_LANGUAGES, MODERN_LANGUAGE_FIRST_YEAR } from './catalogue.ts';
import type { ClassRecord, GuardianRecord, StudentRecord } from './model.ts';
import type { Gender, PersonFactory } from './people.ts';
import type { SeededRandom } from './random.ts';

export interface FamiliesInput {
  random: SeededRandom;
  people: PersonFactory;
  /** classes with their number of places; studentIds are filled in here */
  classes: readonly { classRecord: ClassRecord; places: number }[];
  startYear: number;
  today: string;
}

export interface Families {
  students: StudentRecord[];
  guardians: GuardianRecord[];
  guardianships: { studentId: string; guardianId: string }[];
}

const SIBLING_PAIR_SHARE = 0.09;
const TWO_GUARDIANS_SHARE = 0.82;
/** upper-secondary students a year older than their class (a repeated or late-started year) */
const OLDER_UPPER_SECONDARY_SHARE = 0.04;
const STUDENT_COORDINATION_NUMBER_SHARE = 0.004;
const GUARDIAN_COORDINATION_NUMBER_SHARE = 0.01;

interface Place {
  classRecord: ClassRecord;
  /** the first place of every upper-secondary year-3 class goes to an older student, so adults always exist */
  older: boolean;
}

/** Homes without an address on record: their guardians get no letter, and the school reaches them another way. */
const NO_ADDRESS_SHARE = 0.03;
const POSTAL_TOWNS: readonly (readonly [string, string])[] = [
  ['Insynsby', '741'],
  ['Insynsby', '742'],
  ['Norrvik', '745'],
  ['Södertorp', '747'],
  ['Ekbacken', '749'],
];
const STREETS = [
  'Storgatan',
  'Skolvägen',
  'Björkvägen',
  'Lärkstigen',
  'Kyrkogatan',
  'Ängsvägen',
  'Tallbacken',
  'Smedjegatan',
  'Fabriksgatan',
  'Sjövägen',
  'Hagaplan',
  'Prästgårdsvägen',
];

export function buildFamilies(input: FamiliesInput): Families {
  const { random, people, startYear, today } = input;
  // Contact choices draw from their own stream, so adding them changed no one else's data.
  const contactChoices = random.fork('contact-choices');
  // So do postal addresses: a family's home, where a guardian who lives elsewhere has their own.
  const addresses = random.fork('postal-addresses');
  const homeAddress = (): Pick<GuardianRecord, 'streetAddress' | 'postalCode' | 'city'> => {
    if (addresses.chance(NO_ADDRESS_SHARE)) return { streetAddress: null, postalCode: null, city: null };
    const [city, postalPrefix] = addresses.pick(POSTAL_TOWNS);
    return {
      streetAddress: `${addresses.pick(STREETS)} ${addresses.int(1, 64)}${addresses.chance(0.15) ? addresses.pick(['A', 'B', 'C']) : ''}`,
      postalCode: `${postalPrefix} ${String(addresses.int(10, 99))}`,
      city,
    };
  };
  const students: StudentRecord[] = [];
  const guardians: GuardianRecord[] = [];
  const guardianships: Families['guardianships'] = [];

  const places: Place[] = input.classes.flatMap(({ classRecord, places: count }) =>
    Array.from({ length: count }, (_, index) => ({
      classRecord,
      older:
        classRecord.yearLevel >= 10 && (index === 0 && classRecord.yearLevel === 12 ? true : random.chance(OLDER_UPPER_SECONDARY_SHARE)),
    })),
  );
  const compulsory = random.shuffle(places.filter((p) => p.classRecord.yearLevel <= 9));
  const upper = places.filter((p) => p.classRecord.yearLevel >= 10);

  // Siblings: pair places of different year levels, found close by in the shuffled order.
  const families: Place[][] = [];
  const taken = new Array<boolean>(compulsory.length).fill(false);
  let pairsLeft = Math.round(compulsory.length * SIBLING_PAIR_SHARE);
  compulsory.forEach((place, i) => {
    if (taken[i]) return;
    taken[i] = true;
    const family = [place];
    for (let j = i + 1; pairsLeft > 0 && j < compulsory.length; j++) {
      const other = compulsory[j] as Place;
      if (taken[j] || other.classRecord.yearLevel === place.classRecord.yearLevel) continue;
      taken[j] = true;
      family.push(other);
      pairsLeft--;
      break;
    }
    families.push(family);
  });
  for (const place of upper) families.push([place]);

  for (const family of families) {
    const familyName = people.lastName();
    const children = family.map((place) => {
      const gender = people.gender();
      const level = place.classRecord.yearLevel;
      // Children start förskoleklass the year they turn six.
      const birthYear = startYear - 6 - level - (place.older ? 1 : 0);
      const birthDate = people.birthDateIn(birthYear, today);
      const student: StudentRecord = {
        id: random.uuid(),
        personalIdentityNumber: people.personnummer(birthDate, gender, random.chance(STUDENT_COORDINATION_NUMBER_SHARE)),
        firstName: people.firstName(gender),
        lastName: random.chance(0.9) ? familyName : people.lastName(),
        gender,
        birthDate,
        schoolId: place.classRecord.schoolId,
        programmeCode: place.classRecord.programmeCode,
        classId: place.classRecord.id,
        yearLevel: level,
        modernLanguage: level >= MODERN_LANGUAGE_FIRST_YEAR && level <= 9 ? chooseLanguage(random) : null,
      };
      place.classRecord.studentIds.push(student.id);
      students.push(student);
      return student;
    });

    const oldestBirthYear = Math.min(...children.map((c) => Number(c.birthDate.slice(0, 4))));
    const firstGender: Gender = random.chance(0.55) ? 'female' : 'male';
    const parents: { gender: Gender; lastName: string }[] = [
      { gender: firstGender, lastName: random.chance(0.85) ? familyName : people.lastName() },
    ];
    if (random.chance(TWO_GUARDIANS_SHARE)) {
      const opposite: Gender = firstGender === 'female' ? 'male' : 'female';
      parents.push({ gender: random.chance(0.9) ? opposite : firstGender, lastName: random.chance(0.6) ? familyName : people.lastName() });
    }
    const familyHome = homeAddress();
    for (const [parentIndex, parent] of parents.entries()) {
      const birthYear = Math.min(1992, Math.max(1970, oldestBirthYear - random.int(24, 40)));
      const birthDate = people.birthDateIn(birthYear);
      const name = { firstName: people.firstName(parent.gender), lastName: parent.lastName, gender: parent.gender };
      const guardian: GuardianRecord = {
        id: random.uuid(),
        personalIdentityNumber: people.personnummer(birthDate, parent.gender, random.chance(GUARDIAN_COORDINATION_NUMBER_SHARE)),
        firstName: name.firstName,
        lastName: name.lastName,
        mobilePhone: people.mobilePhone(),
        email: people.privateEmail(name),
        ...(parentIndex === 0 || addresses.chance(0.75) ? familyHome : homeAddress()),
        // Most homes want an SMS, many also e-mail; a few want neither, a few read English.
        notifyBySms: contactChoices.chance(0.8),
        notifyByEmail: contactChoices.chance(0.55),
        messageLocale: contactChoices.chance(0.06) ? 'en' : 'sv',
      };
      guardians.push(guardian);
      for (const child of children) guardianships.push({ studentId: child.id, guardianId: guardian.id });
    }
  }
  return { students, guardians, guardianships };
}

function chooseLanguage(random: SeededRandom): string {
  let draw = random.faker.number.float({ min: 0, max: 1 });
  for (const { subjectCode, share } of MODERN_LANGUAGES) {
    if (draw < share) return subjectCode;
    draw -= share;
  }
  return (MODERN_LANGUAGES[0] as { subjectCode: string }).subjectCode;
}
