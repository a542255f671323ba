-- A refusal is recorded once per message: a crash between recording it and the broker's ack brings the same
-- message (its distributionID) again. Copies already recorded twice keep their first row.
DELETE FROM refusal WHERE distribution_id IS NOT NULL
  AND id NOT IN (SELECT MIN(id) FROM refusal WHERE distribution_id IS NOT NULL GROUP BY distribution_id);
CREATE UNIQUE INDEX refusal_distribution_id ON refusal (distribution_id);
-- A sender's refusals of the day are counted against its cap.
CREATE INDEX refusal_sender_received ON refusal (sender_id, received_at);
