import { Injectable } from '@nestjs/common';
import { DistrictView, DomainError, ErrorCode, FieldError, MAX_PAGE_SIZE, RosterSubjects } from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';

/** The districts a user is given, by id or by code, as the roster knows them. */
export interface DistrictChoice {
  districtIds?: string[];
  districtCodes?: string[];
}

/** Every district as the roster has it now, to check and name a user's districts. */
export class DistrictDirectory {
  private readonly byId: Map<string, DistrictView>;
  private readonly byCode: Map<string, DistrictView>;

  constructor(districts: DistrictView[]) {
    this.byId = new Map(districts.map((d) => [d.id, d]));
    this.byCode = new Map(districts.map((d) => [d.code, d]));
  }

  /** The ids of the districts chosen by id and by code, once each; any the roster does not know is refused. */
  idsOf({ districtIds = [], districtCodes = [] }: DistrictChoice): string[] {
    const errors: FieldError[] = [];
    const unknownIds = districtIds.filter((id) => !this.byId.has(id));
    if (unknownIds.length > 0) {
      errors.push({ field: 'districtIds', message: `no district with id ${unknownIds.join(', ')}` });
    }
    const unknownCodes = districtCodes.filter((code) => !this.byCode.has(code));
    if (unknownCodes.length > 0) {
      errors.push({ field: 'districtCodes', message: `no district with code ${unknownCodes.join(', ')}` });
    }
    if (errors.length > 0) {
      throw new DomainError(
        ErrorCode.ReferenceNotFound,
        errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors,
        { unknownDistrictIds: unknownIds, unknownDistrictCodes: unknownCodes },
      );
    }
    return [...new Set([...districtIds, ...districtCodes.map((code) => this.byCode.get(code)!.id)])];
  }

  codesOf(districtIds: readonly string[]): string[] {
    return districtIds.flatMap((id) => this.byId.get(id)?.code ?? []);
  }
}

/**
 * Asks the roster for every district. The user admin is an admin, so the question is asked with every district in
 * scope, whoever the roster would otherwise narrow it for.
 */
@Injectable()
export class UserDistricts {
  constructor(private readonly rasad: RasadClient) {}

  /** No question at all when none is needed: an admin, or a user of no district, is read without the roster. */
  async directory(needed: boolean): Promise<DistrictDirectory> {
    if (!needed) {
      return new DistrictDirectory([]);
    }
    const districts: DistrictView[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.rasad.send(
        RosterSubjects.districtList,
        { limit: MAX_PAGE_SIZE, ...(cursor && { cursor }) },
        { scope: { districtIds: null } },
      );
      districts.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return new DistrictDirectory(districts);
  }
}
