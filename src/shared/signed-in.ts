// The signed-in person, as every module sees it, whatever resolved the session.
export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  emailVerifiedAt: Date | null;
  platformRole: 'member' | 'moderator' | 'analyst' | 'admin';
}

export interface SignedIn {
  user: SignedInUser;
  /** The session's id (the hash of its token). */
  sessionId: string;
  /** Set when this request extended the session: the cookie should say so too. */
  renewedUntil?: Date;
}
