import { Module } from '@nestjs/common';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { ScenarioSnapshotService } from './scenario-snapshot.service.js';

/** Provides ScenarioSnapshotService: the store as one Scenario for the solver. */
@Module({
  imports: [IngestionModule],
  providers: [ScenarioSnapshotService],
  exports: [ScenarioSnapshotService],
})
export class SnapshotModule {}
