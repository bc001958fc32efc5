// The decline form of one booking among many names its reason field apart ("b1a2b3c4d-reason").
export const reasonPrefix = (bookingId: string) => `b${bookingId.slice(0, 8)}`;
