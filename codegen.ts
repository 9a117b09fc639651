import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { Kind, visit } from 'graphql';

// One schema, two outputs: resolver types for the API and typed documents for the web app.
const schema = 'apps/api/src/modules/**/*.schema.ts';

const config: CodegenConfig = {
  schema,
  ignoreNoDocuments: true,
  generates: {
    'apps/api/src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context.ts#RequestContext',
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { ID: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        mapperTypeSuffix: 'Model',
        mappers: {
          Viewer: '../modules/access/viewer.ts#Viewer',
          AuthPayload: '../modules/auth/auth.service.ts#SessionTokens',
          WeekSchedule: '../modules/schedule/schedule.service.ts#WeekSchedule',
          ScheduleDay: '../modules/schedule/schedule.service.ts#ScheduleDayRecord',
          ScheduleLesson: '../modules/schedule/schedule.service.ts#ScheduleLessonRecord',
          TeacherLesson: '../modules/attendance/attendance.service.ts#TeacherLessonRecord',
          SaveRollCallResult: '../modules/attendance/attendance.service.ts#SaveRollCallOutcome',
          AttendanceChange: '../modules/attendance/attendance.service.ts#AttendanceChangeRecord',
          ContactPreferences: '../modules/notifications/notifications.service.ts#ContactPreferencesRecord',
          OutboundMessage: '../modules/notifications/notifications.service.ts#OutboundMessageRecord',
          SickReport: '../modules/sick-reports/sick-reports.service.ts#SickReportRecord',
          LeaveApplication: '../modules/leave/leave.service.ts#LeaveApplicationRecord',
          GradeWarning: '../modules/grade-warnings/grade-warnings.service.ts#GradeWarningRecord',
          AbsenceFigures: '@insyn/domain#AbsenceFigures',
          SubjectAbsence: '../modules/statistics/statistics.service.ts#SubjectFigures',
          DevelopmentPlanEntry: '../modules/development-plans/development-plans.service.ts#PlanEntryRecord',
          DevelopmentPlanSubject: '../modules/development-plans/development-plans.service.ts#PlanSubjectRecord',
          StudyPlan: '../modules/study-plans/study-plans.service.ts#StudyPlanRecord',
          AdministeredGroup: '../modules/administration/groups/groups.service.ts#GroupRecord',
          ApiClient: '../modules/ss12000/api-clients.service.ts#ApiClientRecord',
          Ss12000ImportRun: '../modules/ss12000/import/import.service.ts#ImportRunRecord',
          ScheduleTermOption: '../modules/administration/schedule/schedule.service.ts#ScheduleTermRecord',
          ScheduleBreak: '../modules/administration/schedule/schedule.service.ts#ScheduleBreakRecord',
          ScheduleSubjectOption: '../modules/administration/schedule/schedule.service.ts#ScheduleSubjectRecord',
          AdminLessonSeries: '../modules/administration/schedule/schedule.service.ts#LessonSeriesRecord',
          AdminLesson: '../modules/administration/schedule/schedule.service.ts#AdminLessonRecord',
        },
      },
    },
    'apps/web/src/gql/': {
      documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // Persisted operations: each document carries the SHA-256 of its text, which the client sends instead of the
        // text (apps/web/src/lib/persisted-operations.ts); persisted-documents.json maps those hashes to the texts,
        // the only operations the API runs in production (apps/api/src/graphql/persisted-operations.ts). Plain hex,
        // as the APQ extension `persistedQuery.sha256Hash` carries it.
        persistedDocuments: { hashAlgorithm: (text: string) => createHash('sha256').update(text).digest('hex') },
      },
      // The server runs the stored text, not the client's copy: it must ask for the __typename Apollo's cache needs,
      // where Apollo adds it (every selection but the operation's own).
      documentTransforms: [
        {
          transform: ({ documents }) =>
            documents.map((source) => ({
              ...source,
              document:
                source.document &&
                visit(source.document, {
                  SelectionSet(node, _key, parent) {
                    const root = !Array.isArray(parent) && (parent as { kind?: unknown } | undefined)?.kind === Kind.OPERATION_DEFINITION;
                    if (
                      root ||
                      node.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value === '__typename')
                    ) {
                      return undefined;
                    }
                    return {
                      ...node,
                      selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }, ...node.selections],
                    };
                  },
                }),
            })),
        },
      ],
      config: { useTypeImports: true, enumsAsTypes: true, strictScalars: true, scalars: { ID: 'string' } },
    },
  },
};

export default config;
