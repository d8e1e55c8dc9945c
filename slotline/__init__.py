"""slotline: an open-source phone booking agent, as a library."""
