// Who acts in a use case: a signed-in person, with their platform role. Every module's use cases
// take one; policies decide from it and the person's memberships.
export interface Actor {
  userId: string;
  email: string;
  emailVerified: boolean;
  platformRole: 'member' | 'moderator' | 'analyst' | 'admin';
}

/** The actor behind a signed-in request. */
export function actorOf(signedIn: {
  user: {
    id: string;
    email: string;
    emailVerifiedAt: Date | null;
    platformRole: Actor['platformRole'];
  };
}): Actor {
  const { user } = signedIn;
  return {
    userId: user.id,
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    platformRole: user.platformRole,
  };
}

export const isModerator = (actor: Actor) =>
  actor.platformRole === 'moderator' || actor.platformRole === 'admin';
export const isPlatformAdmin = (actor: Actor) => actor.platformRole === 'admin';
