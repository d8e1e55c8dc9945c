"""The integrator's own domain package: the same top-level name as slotline's old layer, which must not collide."""
