import { Module } from '@nestjs/common';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { HubspotDealEvents } from './hubspot-events.js';
import { IntegrationsController } from './integrations.controller.js';
import { VendorIngestService } from './vendor-ingest.service.js';
import { VendorSignatureGuard } from './vendor-signature.guard.js';

/** Inbound vendor adapters (HubSpot, Salesforce): signed webhooks mapped onto the ingestion engine. */
@Module({
  imports: [IngestionModule],
  controllers: [IntegrationsController],
  providers: [VendorIngestService, HubspotDealEvents, VendorSignatureGuard],
})
export class IntegrationsModule {}
