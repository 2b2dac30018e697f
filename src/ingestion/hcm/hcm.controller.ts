import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Scopes } from '../../auth/scopes.decorator.js';
import type { CurrentAssignment, Employee, HolidayCalendar, TimeOff } from '../../../solver/types.js';
import type { BatchResult } from '../ingestion-routes.js';
import { PageQueryDto, type Page } from '../shared/page-query.dto.js';
import { IngestionService, type DeleteResult } from '../shared/ingestion.service.js';
import { RecordReader } from '../shared/record-reader.service.js';
import { DocumentDelete, DocumentGet, DocumentList, DocumentUpsert } from '../shared/route-docs.js';
import { ASSIGNMENTS, EMPLOYEES, HOLIDAY_CALENDARS, TIME_OFF } from './hcm.collections.js';
import {
  AssignmentBatchDto,
  AssignmentDto,
  EmployeeBatchDto,
  EmployeeDto,
  EmployeeListQueryDto,
  EmployeeRecordsQueryDto,
  HolidayCalendarBatchDto,
  HolidayCalendarDto,
  TimeOffBatchDto,
  TimeOffDto,
  TimeOffListQueryDto,
} from './hcm.dto.js';

/** HCM ingestion: employees, time off, current assignments, holiday calendars. Reads also need plans:read. */
@ApiTags('hcm')
@Controller('v1/hcm')
export class HcmController {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly reader: RecordReader,
  ) {}

  @Put('employees')
  @Scopes('hcm:write')
  @DocumentUpsert('employees')
  putEmployees(@Body() body: EmployeeBatchDto): Promise<BatchResult> {
    return this.ingestion.upsert(EMPLOYEES, body.items);
  }

  @Get('employees')
  @Scopes('hcm:write', 'plans:read')
  @DocumentList('employees', EmployeeDto)
  listEmployees(@Query() query: EmployeeListQueryDto): Promise<Page<Employee>> {
    return this.reader.list(EMPLOYEES, { ...query });
  }

  @Get('employees/:id')
  @Scopes('hcm:write', 'plans:read')
  @DocumentGet('employees', EmployeeDto)
  getEmployee(@Param('id') id: string): Promise<Employee> {
    return this.reader.get(EMPLOYEES, id);
  }

  @Delete('employees/:id')
  @Scopes('hcm:write')
  @DocumentDelete('employees', true)
  deleteEmployee(@Param('id') id: string, @Query('updatedAt') updatedAt?: string): Promise<DeleteResult> {
    return this.ingestion.delete(EMPLOYEES, id, updatedAt);
  }

  @Put('time-off')
  @Scopes('hcm:write')
  @DocumentUpsert('time off')
  putTimeOff(@Body() body: TimeOffBatchDto): Promise<BatchResult> {
    return this.ingestion.upsert(TIME_OFF, body.items);
  }

  @Get('time-off')
  @Scopes('hcm:write', 'plans:read')
  @DocumentList('time off', TimeOffDto)
  listTimeOff(@Query() query: TimeOffListQueryDto): Promise<Page<TimeOff>> {
    return this.reader.list(TIME_OFF, { ...query });
  }

  @Get('time-off/:id')
  @Scopes('hcm:write', 'plans:read')
  @DocumentGet('time off', TimeOffDto)
  getTimeOff(@Param('id') id: string): Promise<TimeOff> {
    return this.reader.get(TIME_OFF, id);
  }

  @Delete('time-off/:id')
  @Scopes('hcm:write')
  @DocumentDelete('time off', true)
  deleteTimeOff(@Param('id') id: string, @Query('updatedAt') updatedAt?: string): Promise<DeleteResult> {
    return this.ingestion.delete(TIME_OFF, id, updatedAt);
  }

  @Put('assignments')
  @Scopes('hcm:write')
  @DocumentUpsert('assignments')
  putAssignments(@Body() body: AssignmentBatchDto): Promise<BatchResult> {
    return this.ingestion.upsert(ASSIGNMENTS, body.items);
  }

  @Get('assignments')
  @Scopes('hcm:write', 'plans:read')
  @DocumentList('assignments', AssignmentDto)
  listAssignments(@Query() query: EmployeeRecordsQueryDto): Promise<Page<CurrentAssignment>> {
    return this.reader.list(ASSIGNMENTS, { ...query });
  }

  @Get('assignments/:id')
  @Scopes('hcm:write', 'plans:read')
  @DocumentGet('assignments', AssignmentDto)
  getAssignment(@Param('id') id: string): Promise<CurrentAssignment> {
    return this.reader.get(ASSIGNMENTS, id);
  }

  @Delete('assignments/:id')
  @Scopes('hcm:write')
  @DocumentDelete('assignments', true)
  deleteAssignment(@Param('id') id: string, @Query('updatedAt') updatedAt?: string): Promise<DeleteResult> {
    return this.ingestion.delete(ASSIGNMENTS, id, updatedAt);
  }

  @Put('holiday-calendars')
  @Scopes('hcm:write', 'catalog:write')
  @DocumentUpsert('holiday calendars')
  putHolidayCalendars(@Body() body: HolidayCalendarBatchDto): Promise<BatchResult> {
    return this.ingestion.upsert(HOLIDAY_CALENDARS, body.items);
  }

  @Get('holiday-calendars')
  @Scopes('hcm:write', 'catalog:write', 'plans:read')
  @DocumentList('holiday calendars', HolidayCalendarDto)
  listHolidayCalendars(@Query() query: PageQueryDto): Promise<Page<HolidayCalendar>> {
    return this.reader.list(HOLIDAY_CALENDARS, { ...query });
  }

  @Get('holiday-calendars/:code')
  @Scopes('hcm:write', 'catalog:write', 'plans:read')
  @DocumentGet('holiday calendars', HolidayCalendarDto)
  getHolidayCalendar(@Param('code') code: string): Promise<HolidayCalendar> {
    return this.reader.get(HOLIDAY_CALENDARS, code);
  }

  @Delete('holiday-calendars/:code')
  @Scopes('hcm:write', 'catalog:write')
  @DocumentDelete('holiday calendars', false)
  deleteHolidayCalendar(@Param('code') code: string): Promise<DeleteResult> {
    return this.ingestion.delete(HOLIDAY_CALENDARS, code);
  }
}
