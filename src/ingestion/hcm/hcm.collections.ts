import type { CurrentAssignment, Employee, HolidayCalendar, TimeOff } from '../../../solver/types.js';
import type { CollectionSpec } from '../shared/collection-spec.js';
import { byPosition, equals, nullable, optional } from '../shared/mapping.js';
import { AssignmentEntity } from './assignment.entity.js';
import { EmployeeEntity, EmployeeSkillEntity } from './employee.entity.js';
import { HolidayCalendarEntity } from './holiday-calendar.entity.js';
import { knownEmployees } from './known-employees.js';
import { TimeOffEntity } from './time-off.entity.js';

/** HCM collections: the mappers between the contract (solver/types.ts) and the rows. */
export const EMPLOYEES: CollectionSpec<Employee, EmployeeEntity> = {
  name: 'employees',
  entity: EmployeeEntity,
  keyColumn: 'id',
  versioned: true,
  children: [{ relation: 'skills', entity: EmployeeSkillEntity, parentColumn: 'employeeId' }],
  keyOf: (employee) => employee.id,
  toEntity: (e) =>
    Object.assign(new EmployeeEntity(), {
      id: e.id, name: e.name, email: nullable(e.email), location: e.location, timeZone: e.timeZone,
      holidayCalendar: nullable(e.holidayCalendar), title: nullable(e.title), level: nullable(e.level),
      costRate: e.costRate, currency: e.currency, weeklyHours: nullable(e.weeklyHours),
      workingDays: nullable(e.workingDays), startDate: nullable(e.startDate), endDate: nullable(e.endDate),
      utilizationTarget: nullable(e.utilizationTarget), updatedAt: e.updatedAt,
      skills: e.skills.map((s, position) =>
        Object.assign(new EmployeeSkillEntity(), {
          employeeId: e.id, skill: s.skill, position, level: s.level, certified: nullable(s.certified),
          certificationExpires: nullable(s.certificationExpires),
        }),
      ),
    }),
  toRecord: (row) => ({
    id: row.id, name: row.name, email: optional(row.email), location: row.location, timeZone: row.timeZone,
    holidayCalendar: optional(row.holidayCalendar), title: optional(row.title), level: optional(row.level),
    costRate: row.costRate, currency: row.currency, weeklyHours: optional(row.weeklyHours),
    workingDays: optional(row.workingDays), startDate: optional(row.startDate), endDate: optional(row.endDate),
    utilizationTarget: optional(row.utilizationTarget), updatedAt: row.updatedAt,
    skills: byPosition(row.skills).map((s) => ({
      skill: s.skill, level: s.level, certified: optional(s.certified), certificationExpires: optional(s.certificationExpires),
    })),
  }),
  filters: {
    location: equals('location'),
    skill: (query, alias, skill, all) => {
      const minLevel = (all.minLevel as number | undefined) ?? 1;
      const holders = query
        .subQuery()
        .select('s.employeeId')
        .from(EmployeeSkillEntity, 's')
        .where('s.skill = :skill AND s.level >= :minLevel')
        .getQuery();
      query.andWhere(`${alias}.id IN ${holders}`, { skill, minLevel });
    },
  },
};

export const TIME_OFF: CollectionSpec<TimeOff, TimeOffEntity> = {
  name: 'timeOff',
  entity: TimeOffEntity,
  keyColumn: 'id',
  versioned: true,
  children: [],
  keyOf: (timeOff) => timeOff.id,
  toEntity: (t) =>
    Object.assign(new TimeOffEntity(), {
      id: t.id, employeeId: t.employeeId, start: t.start, end: t.end, hoursPerDay: nullable(t.hoursPerDay),
      status: t.status, updatedAt: t.updatedAt,
    }),
  toRecord: (row) => ({
    id: row.id, employeeId: row.employeeId, start: row.start, end: row.end, hoursPerDay: optional(row.hoursPerDay),
    status: row.status as TimeOff['status'], updatedAt: row.updatedAt,
  }),
  references: knownEmployees,
  filters: { employeeId: equals('employeeId'), status: equals('status') },
};

export const ASSIGNMENTS: CollectionSpec<CurrentAssignment, AssignmentEntity> = {
  name: 'assignments',
  entity: AssignmentEntity,
  keyColumn: 'id',
  versioned: true,
  children: [],
  keyOf: (assignment) => assignment.id,
  toEntity: (a) =>
    Object.assign(new AssignmentEntity(), {
      id: a.id, employeeId: a.employeeId, projectId: a.projectId, start: a.start, rollOffDate: a.rollOffDate,
      hoursPerWeek: a.hoursPerWeek, billable: a.billable, updatedAt: a.updatedAt,
    }),
  toRecord: (row) => ({
    id: row.id, employeeId: row.employeeId, projectId: row.projectId, start: row.start, rollOffDate: row.rollOffDate,
    hoursPerWeek: row.hoursPerWeek, billable: row.billable, updatedAt: row.updatedAt,
  }),
  references: knownEmployees,
  filters: { employeeId: equals('employeeId') },
};

export const HOLIDAY_CALENDARS: CollectionSpec<HolidayCalendar, HolidayCalendarEntity> = {
  name: 'holidayCalendars',
  entity: HolidayCalendarEntity,
  keyColumn: 'code',
  versioned: false,
  children: [],
  keyOf: (calendar) => calendar.code,
  toEntity: (c) => Object.assign(new HolidayCalendarEntity(), { code: c.code, name: c.name, dates: c.dates }),
  toRecord: (row) => ({ code: row.code, name: row.name, dates: row.dates }),
};
