-- The same patient of the same case under another SMUR unit (a correction of the unit, or two units caring for one
-- patient) is found by the mission and the patient: each record listed or exported looks its siblings up.
CREATE INDEX rpis_record_patient ON rpis_record (org_id, case_id, patient_id);
