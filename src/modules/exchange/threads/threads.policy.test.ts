import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import type { ExchangeReader } from '../posts/posts.policy.ts';
import { requireMayAnswer, requireSide, respondingOrganisation, sideOf } from './threads.policy.ts';

const posterOrg = '00000000-0000-4000-8000-000000000001';
const helperOrg = '00000000-0000-4000-8000-000000000002';
const thirdOrg = '00000000-0000-4000-8000-000000000003';
const actor: Actor = { userId: 'u', email: 'u@example.org', emailVerified: true, platformRole: 'member' };
const reader = (...organisationIds: string[]): ExchangeReader => ({
  userId: 'u',
  organisationIds,
  moderator: false,
});
const post = { organisationId: posterOrg };
const thread = { organisationId: helperOrg };

const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'none';
};

describe('threads.policy', () => {
  it('gives each side its side, and nobody else one (a moderator neither)', () => {
    expect(sideOf(reader(posterOrg), post, thread)).toBe('poster');
    expect(sideOf(reader(helperOrg), post, thread)).toBe('responder');
    expect(sideOf(reader(posterOrg, helperOrg), post, thread)).toBe('poster');
    expect(code(() => requireSide(reader(thirdOrg), post, thread))).toBe('EXCHANGE_THREAD_NOT_FOUND');
    expect(code(() => requireSide({ ...reader(), moderator: true }, post, thread))).toBe(
      'EXCHANGE_THREAD_NOT_FOUND',
    );
  });

  it('answers for the member’s organisation; a member of the post’s own organisation does not answer it', () => {
    expect(respondingOrganisation(actor, reader(helperOrg), post, undefined)).toBe(helperOrg);
    // In both organisations: they would write on both sides of the thread.
    expect(code(() => respondingOrganisation(actor, reader(posterOrg, helperOrg), post, undefined))).toBe(
      'EXCHANGE_OWN_POST',
    );
    expect(code(() => respondingOrganisation(actor, reader(posterOrg, helperOrg), post, helperOrg))).toBe(
      'EXCHANGE_OWN_POST',
    );
    expect(respondingOrganisation(actor, reader(helperOrg, thirdOrg), post, thirdOrg.toUpperCase())).toBe(
      thirdOrg,
    );
    expect(code(() => respondingOrganisation(actor, reader(posterOrg), post, undefined))).toBe(
      'EXCHANGE_OWN_POST',
    );
    expect(code(() => respondingOrganisation(actor, reader(posterOrg, helperOrg), post, posterOrg))).toBe(
      'EXCHANGE_OWN_POST',
    );
    // Several organisations and no choice, or one not theirs: the field is named.
    expect(code(() => respondingOrganisation(actor, reader(helperOrg, thirdOrg), post, undefined))).toBe(
      'VALIDATION_FAILED',
    );
    expect(code(() => respondingOrganisation(actor, reader(helperOrg), post, thirdOrg))).toBe(
      'VALIDATION_FAILED',
    );
    expect(code(() => respondingOrganisation(actor, reader(), post, undefined))).toBe('FORBIDDEN');
    expect(
      code(() =>
        respondingOrganisation({ ...actor, emailVerified: false }, reader(helperOrg), post, undefined),
      ),
    ).toBe('EMAIL_NOT_VERIFIED');
  });

  it('lets informal groups answer only posts that allow them', () => {
    expect(code(() => requireMayAnswer({ informalMayAnswer: false }, 'self_organisation'))).toBe(
      'EXCHANGE_INFORMAL_NOT_ALLOWED',
    );
    expect(code(() => requireMayAnswer({ informalMayAnswer: false }, 'citizen_initiative'))).toBe(
      'EXCHANGE_INFORMAL_NOT_ALLOWED',
    );
    expect(code(() => requireMayAnswer({ informalMayAnswer: false }, 'formal'))).toBe('none');
    expect(code(() => requireMayAnswer({ informalMayAnswer: true }, 'self_organisation'))).toBe('none');
  });
});
