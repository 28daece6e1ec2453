-- Each supplier's latest receive time in a few index reads, for the supplier-silence gauge
-- (em_hub_supplier_silence_seconds) that ops are alerted on.
CREATE INDEX notification_supplier_received ON notification (supplier, received_at);
