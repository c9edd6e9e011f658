import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

export interface RotatedToken {
  userId: string;
  familyId: string;
}

/**
 * The refresh token table's SQL. Only a SHA-256 digest of each token is stored: a copy of the table signs
 * nobody in. Each sign-in starts a family; every refresh marks its token rotated and adds the next one.
 */
@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly em: EntityManager) {}

  async issue(token: { id: string; userId: string; familyId: string; digest: Buffer; expiresAt: Date }): Promise<void> {
    await this.em.execute(
      `insert into gateway.refresh_token (id, user_id, family_id, token_sha256, expires_at) values (?, ?, ?, ?, ?)`,
      [token.id, token.userId, token.familyId, token.digest, token.expiresAt],
    );
  }

  /**
   * Spends a live token and adds its successor in one statement, so two requests racing with the same token
   * cannot both succeed. The successor keeps the family's expiry: refreshing does not stretch a session.
   */
  async rotate(digest: Buffer, next: { id: string; digest: Buffer }): Promise<RotatedToken | null> {
    const rows = await this.em.execute<{ user_id: string; family_id: string }[]>(
      `with spent as (
         update gateway.refresh_token set rotated_at = now()
         where token_sha256 = ? and rotated_at is null and revoked_at is null and expires_at > now()
         returning user_id, family_id, expires_at)
       insert into gateway.refresh_token (id, user_id, family_id, token_sha256, expires_at)
       select ?, user_id, family_id, ?, expires_at from spent
       returning user_id, family_id`,
      [digest, next.id, next.digest],
    );
    return rows[0] ? { userId: rows[0].user_id, familyId: rows[0].family_id } : null;
  }

  async find(digest: Buffer): Promise<RotatedToken | null> {
    const rows = await this.em.execute<{ user_id: string; family_id: string }[]>(
      'select user_id, family_id from gateway.refresh_token where token_sha256 = ?',
      [digest],
    );
    return rows[0] ? { userId: rows[0].user_id, familyId: rows[0].family_id } : null;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.em.execute(
      'update gateway.refresh_token set revoked_at = now() where family_id = ? and revoked_at is null',
      [familyId],
    );
  }

  async revokeUser(userId: string): Promise<void> {
    await this.em.execute(
      'update gateway.refresh_token set revoked_at = now() where user_id = ? and revoked_at is null',
      [userId],
    );
  }

  /** Expired tokens serve nothing, not even reuse detection (their family has expired too). */
  async forgetExpired(userId: string): Promise<void> {
    await this.em.execute('delete from gateway.refresh_token where user_id = ? and expires_at < now()', [userId]);
  }
}
