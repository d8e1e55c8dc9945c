"""`slotline demo`: a real phone conversation on this machine — loopback Telcoflow server, the agent, a caller."""
