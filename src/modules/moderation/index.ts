// The moderation module's public surface.
