-- A paid order that is cancelled puts its committed units back into stock: reservations gain the
-- final state RESTOCKED (COMMITTED -> RESTOCKED).
ALTER TABLE reservations DROP CONSTRAINT reservations_status_check;
ALTER TABLE reservations ADD CONSTRAINT reservations_status_check
    CHECK (status IN ('HELD', 'COMMITTED', 'RELEASED', 'REJECTED', 'RESTOCKED'));
