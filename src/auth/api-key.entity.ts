import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One key per connected system. Only the sha256 of the secret is stored; the key is shown once. */
@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 64 })
  secretHash: string;

  @Column({ type: 'simple-json' })
  scopes: string[];

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  revokedAt: string | null;
}
