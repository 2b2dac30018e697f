import { Module } from '@nestjs/common';
import { CatalogController } from './catalog/catalog.controller.js';
import { CrmController } from './crm/crm.controller.js';
import { HcmController } from './hcm/hcm.controller.js';
import { MasController } from './mas/mas.controller.js';
import { IngestionService } from './shared/ingestion.service.js';
import { RecordReader } from './shared/record-reader.service.js';

/** Batch upserts, deletes and reads of the data contract for HCM, CRM, MAS and the catalog. */
@Module({
  controllers: [HcmController, CrmController, MasController, CatalogController],
  providers: [IngestionService, RecordReader],
  exports: [IngestionService, RecordReader],
})
export class IngestionModule {}
