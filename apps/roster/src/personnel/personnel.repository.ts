import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, page } from '@rasad/common';
import { CallerScope, ListPersonnelQuery, Page, PersonnelView } from '@rasad/contracts';
import { restrict } from '@rasad/messaging';
import { inCallerDistricts, servingIn } from '../shared/scope.sql';
import { Personnel, personnelView } from './personnel.entity';
import { wholeCnic } from './personnel-search';

/** The people a caller may see and change: serving in one of their districts (see servingIn). */
const SERVING_IN = servingIn('p', inCallerDistricts);

/** People are read by name, as a roll is; the id breaks ties between namesakes. */
const PEOPLE_ORDER: ListOrder = {
  keys: { name: 'p.name', serviceNumber: 'p.service_number', rank: 'p.rank', createdAt: 'p.created_at' },
  natural: 'name',
};

const likeEscaped = (text: string) => text.replace(/[%_\\]/g, '\\$&');

/**
 * A search by service number prefix or part of a name; by whole CNIC too, but only for a caller who sees CNICs
 * (for anyone else a CNIC search would be an oracle for what they are not shown).
 */
export function personnelSearch(term: string, seesPersonalData: boolean): { sql: string; params: string[] } {
  const trimmed = term.trim();
  const cnic = seesPersonalData ? wholeCnic(trimmed) : null;
  const parts = ['p.service_number ilike ?', 'p.name ilike ?'];
  const params = [`${likeEscaped(trimmed)}%`, `%${likeEscaped(trimmed)}%`];
  if (cnic) {
    parts.push('p.cnic = ?');
    params.push(cnic);
  }
  return { sql: `(${parts.join(' or ')})`, params };
}

/** The people list, and whether someone serves in the caller's districts. */
@Injectable()
export class PersonnelRepository {
  list(em: EntityManager, query: ListPersonnelQuery, scope: CallerScope): Promise<Page<PersonnelView>> {
    const qb = em.createQueryBuilder(Personnel, 'p');
    restrict(qb, scope, SERVING_IN);
    if (query.districtId) {
      restrict(qb, { districtIds: [query.districtId] }, SERVING_IN);
    }
    if (!query.includeInactive) {
      qb.andWhere({ deactivatedAt: null });
    }
    if (query.unitId) {
      qb.andWhere({ unitId: query.unitId });
    }
    if (query.rank) {
      qb.andWhere({ rank: { $in: query.rank } });
    }
    if (query.search) {
      const { sql, params } = personnelSearch(query.search, scope.seesPersonalData === true);
      qb.andWhere(sql, params);
    }
    return page(qb, query, personnelView, PEOPLE_ORDER);
  }

  /** Whether the person serves in one of the caller's districts; an admin's reaches every district. */
  async servesIn(em: EntityManager, id: string, scope: CallerScope): Promise<boolean> {
    if (scope.districtIds === null) {
      return true;
    }
    const qb = em.createQueryBuilder(Personnel, 'p').where({ id });
    restrict(qb, scope, SERVING_IN);
    return (await qb.getSingleResult()) !== null;
  }
}
