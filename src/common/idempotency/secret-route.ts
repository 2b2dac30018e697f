/** Metadata of an @Idempotent route whose answer shows a secret once (read by IdempotencyInterceptor). */
export const IDEMPOTENT_SECRET_FIELD = 'staffplan:idempotent-secret-field';

export interface SecretRoute {
  /** The answer field holding the secret; the ledger stores the answer without it. */
  field: string;
  replayAs: 'created' | 'rotated';
}
