// The OpenAPI 3.1 description of Insyn's SS 12000 export, served at /ss12000/v2.1/openapi.json. Names and shapes
// follow SS 12000 version 2.1; every object is closed (additionalProperties: false), so the API tests, which check
// each answer against this document, also catch a field the document does not describe.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const uuid = { type: 'string', format: 'uuid' } as const;
const date = { type: 'string', format: 'date' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const minutes = { type: 'integer', minimum: 0 } as const;
const closed = (required: string[], properties: Record<string, unknown>, description?: string) => ({
  type: 'object',
  ...(description ? { description } : {}),
  required,
  additionalProperties: false,
  properties,
});
const list = (item: string) =>
  closed(['data'], {
    data: { type: 'array', items: ref(item) },
    pageToken: { type: 'string', description: 'Present when more follow: give it (alone, or with limit) to read the next page.' },
  });

const listParameters = [
  { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
  {
    name: 'pageToken',
    in: 'query',
    required: false,
    schema: { type: 'string' },
    description: 'From the previous page; no filter may be given with it.',
  },
];
const modifiedParameters = [
  {
    name: 'meta.modified.after',
    in: 'query',
    required: false,
    schema: dateTime,
    description: 'Only records changed at or after this time (RFC 3339).',
  },
  {
    name: 'meta.modified.before',
    in: 'query',
    required: false,
    schema: dateTime,
    description: 'Only records changed at or before this time (RFC 3339).',
  },
];
const errors = {
  '400': { description: 'A parameter or page token that cannot be read.', content: { 'application/json': { schema: ref('Error') } } },
  '401': { description: 'No valid access token, or the client is revoked.', content: { 'application/json': { schema: ref('Error') } } },
  '403': { description: "The client's scopes do not include this endpoint.", content: { 'application/json': { schema: ref('Error') } } },
};
const endpoint = (summary: string, schema: string, parameters: unknown[]) => ({
  get: {
    summary,
    security: [{ clientCredentials: [] }],
    parameters,
    responses: { '200': { description: 'One page.', content: { 'application/json': { schema: ref(schema) } } }, ...errors },
  },
});

export const SS12000_OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Insyn SS 12000 export',
    version: '2.1',
    description:
      "Read-only SS 12000 (version 2.1) endpoints over one organisation's data. Records are in id order and paged with " +
      'limit and pageToken. A client reads only the endpoints of its scopes; persons with protected identity, and ' +
      'everything about them, are left out unless the client is allowed to see them.',
  },
  servers: [{ url: '/ss12000/v2.1' }],
  paths: {
    '/organisations': endpoint('The organisation (huvudman) and its schools (skolenheter).', 'Organisations', [
      ...listParameters,
      ...modifiedParameters,
    ]),
    '/persons': endpoint('Students, guardians and staff.', 'Persons', [...listParameters, ...modifiedParameters]),
    '/groups': endpoint('Classes and teaching groups with their members.', 'Groups', [...listParameters, ...modifiedParameters]),
    '/duties': endpoint("The staff's duties.", 'Duties', [...listParameters, ...modifiedParameters]),
    '/syllabuses': endpoint('The subjects (ämnen), each with its code and name.', 'Syllabuses', [...listParameters, ...modifiedParameters]),
    '/activities': endpoint('A subject taught to a group, with its teachers.', 'Activities', [...listParameters, ...modifiedParameters]),
    '/calendarEvents': endpoint('Lessons.', 'CalendarEvents', [...listParameters, ...modifiedParameters]),
    '/attendances': endpoint("Each student's roll call entry per lesson.", 'Attendances', [...listParameters, ...modifiedParameters]),
    '/absences': endpoint('Absence reported beforehand: sick reports and approved leave.', 'Absences', [
      ...listParameters,
      ...modifiedParameters,
    ]),
    '/aggregatedAttendance': endpoint(
      'Minutes per student and activity over a period, from the lessons that have ended. Paged by student: limit counts students.',
      'AggregatedAttendances',
      [
        ...listParameters,
        { name: 'startDate', in: 'query', required: true, schema: date, description: 'First day, inclusive.' },
        {
          name: 'endDate',
          in: 'query',
          required: true,
          schema: date,
          description: 'Last day, inclusive; at most 400 days after startDate.',
        },
        {
          name: 'organisation',
          in: 'query',
          required: false,
          schema: uuid,
          description: "Only the students of this school (the school's id).",
        },
        { name: 'student', in: 'query', required: false, schema: uuid, description: 'Only this student.' },
      ],
    ),
  },
  components: {
    securitySchemes: {
      clientCredentials: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/ss12000/v2.1/token', scopes: {} } } },
    },
    schemas: {
      Error: closed(['code', 'message'], { code: { type: 'string' }, message: { type: 'string' } }),
      Meta: closed(['created', 'modified'], { created: dateTime, modified: dateTime }),
      ObjectReference: closed(['id'], { id: uuid }),
      SchoolType: { type: 'string', enum: ['GR', 'GY'], description: 'Code_SchoolType: grundskola, gymnasieskola.' },
      Organisation: closed(['id', 'meta', 'displayName', 'organisationType'], {
        id: uuid,
        meta: ref('Meta'),
        displayName: { type: 'string' },
        organisationType: { type: 'string', enum: ['Huvudman', 'Skolenhet'] },
        schoolUnitCode: { type: 'string', description: "Skolverket's skolenhetskod." },
        schoolTypes: { type: 'array', items: ref('SchoolType') },
        parentOrganisation: ref('ObjectReference'),
      }),
      Person: closed(['id', 'meta', 'givenName', 'familyName', 'securityMarking'], {
        id: uuid,
        meta: ref('Meta'),
        givenName: { type: 'string' },
        familyName: { type: 'string' },
        civicNo: closed(['value'], { value: { type: 'string', pattern: '^[0-9]{12}$' }, nationality: { type: 'string', const: 'SE' } }),
        birthDate: date,
        securityMarking: { type: 'string', enum: ['Ingen', 'Sekretessmarkering'] },
        emails: {
          type: 'array',
          items: closed(['value', 'type'], {
            value: { type: 'string', format: 'email' },
            type: { type: 'string', enum: ['Privat', 'Skola personal'] },
          }),
        },
        phoneNumbers: {
          type: 'array',
          items: closed(['value', 'type'], {
            value: { type: 'string' },
            type: { type: 'string', enum: ['Privat'] },
            mobile: { type: 'boolean' },
          }),
        },
        addresses: {
          type: 'array',
          items: closed(['type'], {
            type: { type: 'string', enum: ['Folkbokföring'] },
            streetAddress: { type: 'string' },
            postalCode: { type: 'string' },
            locality: { type: 'string' },
          }),
        },
        enrolments: {
          type: 'array',
          items: closed(['enroledAt', 'schoolType'], {
            enroledAt: ref('ObjectReference'),
            schoolType: ref('SchoolType'),
            schoolYear: { type: 'integer', minimum: 0, maximum: 9, description: 'Årskurs: 0 is förskoleklass; 1–3 in gymnasieskola.' },
            endDate: {
              type: 'string',
              format: 'date',
              description:
                'The last day of the enrolment, once it has ended: the student left during a school year, or a later one began without them.',
            },
          }),
        },
        responsibles: {
          type: 'array',
          items: closed(['person', 'relationType'], {
            person: ref('ObjectReference'),
            relationType: { type: 'string', enum: ['Vårdnadshavare'] },
          }),
        },
      }),
      Group: closed(['id', 'meta', 'displayName', 'groupType', 'schoolType', 'organisation', 'startDate', 'endDate', 'groupMemberships'], {
        id: uuid,
        meta: ref('Meta'),
        displayName: { type: 'string' },
        startDate: date,
        endDate: date,
        groupType: { type: 'string', enum: ['Klass', 'Undervisning'] },
        schoolType: ref('SchoolType'),
        organisation: ref('ObjectReference'),
        groupMemberships: {
          type: 'array',
          items: closed(['person', 'startDate'], { person: ref('ObjectReference'), startDate: date, endDate: date }),
        },
      }),
      Duty: closed(['id', 'meta', 'person', 'dutyAt', 'dutyRole', 'startDate'], {
        id: uuid,
        meta: ref('Meta'),
        person: ref('ObjectReference'),
        dutyAt: ref('ObjectReference'),
        dutyRole: { type: 'string', enum: ['Lärare', 'Rektor', 'Skoladministratör'] },
        signature: { type: 'string' },
        startDate: date,
        endDate: date,
        assignmentRole: {
          type: 'array',
          items: closed(['group', 'assignmentRoleType'], {
            group: ref('ObjectReference'),
            assignmentRoleType: { type: 'string', enum: ['Mentor'] },
          }),
        },
      }),
      Syllabus: closed(['id', 'meta', 'subjectCode', 'subjectName'], {
        id: uuid,
        meta: ref('Meta'),
        subjectCode: { type: 'string', description: "The subject's code, e.g. MA." },
        subjectName: { type: 'string', description: "The subject's Swedish name." },
      }),
      Activity: closed(
        ['id', 'meta', 'displayName', 'activityType', 'groups', 'syllabus', 'teachers', 'organisation', 'startDate', 'endDate'],
        {
          id: uuid,
          meta: ref('Meta'),
          displayName: { type: 'string' },
          activityType: { type: 'string', enum: ['Undervisning'] },
          startDate: date,
          endDate: date,
          calendarEventsRequired: { type: 'boolean' },
          groups: { type: 'array', minItems: 1, items: ref('ObjectReference') },
          syllabus: { ...ref('ObjectReference'), description: 'The subject taught (a syllabus).' },
          teachers: { type: 'array', items: closed(['duty'], { duty: ref('ObjectReference') }) },
          organisation: ref('ObjectReference'),
        },
      ),
      CalendarEvent: closed(['id', 'meta', 'activity', 'startTime', 'endTime', 'cancelled'], {
        id: uuid,
        meta: ref('Meta'),
        activity: ref('ObjectReference'),
        startTime: dateTime,
        endTime: dateTime,
        cancelled: { type: 'boolean' },
        teachingLengthStudent: minutes,
        teachingLengthTeacher: minutes,
      }),
      Attendance: closed(['id', 'meta', 'student', 'calendarEvent', 'isReported'], {
        id: uuid,
        meta: ref('Meta'),
        student: ref('ObjectReference'),
        calendarEvent: ref('ObjectReference'),
        reporter: { ...ref('ObjectReference'), description: 'The staff member (a person) who took the roll call.' },
        isReported: { type: 'boolean' },
        isPresent: { type: 'boolean', description: 'False only when absent the whole lesson; a late student is present.' },
        attendanceMinutes: minutes,
        absenceMinutes: minutes,
        validAbsence: {
          type: 'boolean',
          description: 'Given when absenceMinutes > 0: whether the absence is valid (a sick report, leave, another school activity).',
        },
      }),
      Absence: closed(['id', 'meta', 'type', 'student', 'organisation', 'startTime', 'endTime'], {
        id: uuid,
        meta: ref('Meta'),
        type: { type: 'string', enum: ['Anmäld frånvaro', 'Beviljad ledighet'] },
        student: ref('ObjectReference'),
        organisation: { ...ref('ObjectReference'), description: "The student's school." },
        startTime: dateTime,
        endTime: dateTime,
        registeredBy: {
          ...ref('ObjectReference'),
          description:
            'For leave: the staff member who approved it; for a sick report the home gave the school, the staff member who registered it.',
        },
      }),
      AggregatedAttendance: closed(
        [
          'activity',
          'student',
          'startDate',
          'endDate',
          'attendanceSum',
          'validAbsenceSum',
          'invalidAbsenceSum',
          'otherAttendanceSum',
          'reportedSum',
          'offeredSum',
        ],
        {
          activity: ref('ObjectReference'),
          student: ref('ObjectReference'),
          startDate: date,
          endDate: date,
          attendanceSum: minutes,
          validAbsenceSum: minutes,
          invalidAbsenceSum: minutes,
          otherAttendanceSum: { ...minutes, description: 'Away for another school activity, such as the student council.' },
          reportedSum: { ...minutes, description: 'Minutes of lessons with a roll call: the four sums above add up to it.' },
          offeredSum: { ...minutes, description: "Minutes of the lessons of the student's groups that have ended." },
        },
      ),
      Organisations: list('Organisation'),
      Persons: list('Person'),
      Groups: list('Group'),
      Duties: list('Duty'),
      Syllabuses: list('Syllabus'),
      Activities: list('Activity'),
      CalendarEvents: list('CalendarEvent'),
      Attendances: list('Attendance'),
      Absences: list('Absence'),
      AggregatedAttendances: list('AggregatedAttendance'),
    },
  },
};
