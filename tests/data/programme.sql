-- A small programme whose every figure is known (see test_report.c):
-- people come from programme_people.csv (lup import people) first.
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TEMP TABLE who (k TEXT PRIMARY KEY, id TEXT);
INSERT INTO who SELECT lower(substr(email, 1, instr(email, '.') - 1)), id FROM person;
INSERT INTO programme (id, name, target, start_date, end_date) VALUES
 ('b0000000-0000-4000-8000-000000000001', 'Ledarutveckling', 10, '2014-01-01', '2016-12-31');
-- A third block that no cohort runs: neither met nor missed anywhere.
INSERT INTO block (id, programme_id, seq, kind, name, min_attendance) VALUES
 ('b1000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 1, 'ul', 'Utvecklande ledarskap', 0.75),
 ('b1000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000001', 2, 'abw', 'Aktivitetsbaserat arbetssätt', 1.0),
 ('b1000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000001', 3, 'egov', 'E-förvaltning', 0.8);
-- Their status follows from their dates and sessions.
INSERT INTO cohort (id, programme_id, name, capacity, start_date, end_date) VALUES
 ('c0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 'Pilot Halland', 4, '2014-03-01', '2014-06-30'),
 ('c0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000001', 'Omgång 1', 2, '2016-05-01', '2016-09-30');
-- A study-visit host in the register (no network).
INSERT INTO host_org (id, name, type, country, city, contact_name, sort_name) VALUES
 ('f0000000-0000-4000-8000-000000000003', 'Nacka kommun', 'municipality', 'SE', 'Nacka', 'Lena Sjögren', 'nacka kommun');
-- Omgång 1: five sessions, two of them held by 2016-06-01.
INSERT INTO session (id, cohort_id, block_id, title, kind, starts_at, ends_at) VALUES
 ('d0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000001', 'UL del 1, dag 1', 'course_day', '2014-03-03 09:00', '2014-03-03 17:00'),
 ('d0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000001', 'UL del 1, dag 2', 'course_day', '2014-03-04 09:00', '2014-03-04 17:00'),
 ('d0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000001', 'UL del 2, dag 1', 'follow_up', '2014-05-05 09:00', '2014-05-05 17:00'),
 ('d0000000-0000-4000-8000-000000000004', 'c0000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000001', 'UL del 2, dag 2', 'follow_up', '2014-05-06 09:00', '2014-05-06 17:00'),
 ('d0000000-0000-4000-8000-000000000005', 'c0000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000002', 'Studiebesök Nacka', 'study_visit', '2014-04-01 09:00', '2014-04-01 15:00'),
 ('d0000000-0000-4000-8000-000000000006', 'c0000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000001', 'UL del 1, dag 1', 'course_day', '2016-05-10 09:00', '2016-05-10 17:00'),
 ('d0000000-0000-4000-8000-000000000007', 'c0000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000001', 'UL del 1, dag 2', 'course_day', '2016-05-11 09:00', '2016-05-11 17:00'),
 ('d0000000-0000-4000-8000-000000000008', 'c0000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000001', 'UL del 2', 'follow_up', '2016-08-10 09:00', '2016-08-10 17:00'),
 ('d0000000-0000-4000-8000-000000000009', 'c0000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000002', 'Studiebesök Swedbank', 'study_visit', '2016-09-01 09:00', '2016-09-01 15:00'),
 ('d0000000-0000-4000-8000-000000000010', 'c0000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000001', 'UL del 2, dag 2', 'follow_up', '2016-08-11 09:00', '2016-08-11 17:00');
-- Study visits: Nacka from the register, Swedbank only typed.
UPDATE session SET host_id = 'f0000000-0000-4000-8000-000000000003' WHERE id = 'd0000000-0000-4000-8000-000000000005';
UPDATE session SET host_name = 'Swedbank' WHERE id = 'd0000000-0000-4000-8000-000000000009';
INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at, waitlist_pos, enrolled_on, ended_on)
WITH v(n, c, w, s, r, pos, eo, en) AS (VALUES
 (1, 'c0000000-0000-4000-8000-000000000001', 'anna', 'completed', '2014-01-10T08:00:00Z', NULL, '2014-02-01', '2014-06-30'),
 (2, 'c0000000-0000-4000-8000-000000000001', 'bjorn', 'completed', '2014-01-11T08:00:00Z', NULL, '2014-02-01', '2014-06-30'),
 (3, 'c0000000-0000-4000-8000-000000000001', 'cecilia', 'completed', '2014-01-12T08:00:00Z', NULL, '2014-02-01', '2014-06-30'),
 (4, 'c0000000-0000-4000-8000-000000000001', 'david', 'withdrawn', '2014-01-13T08:00:00Z', NULL, '2014-02-01', '2014-04-01'),
 (5, 'c0000000-0000-4000-8000-000000000002', 'eva', 'enrolled', '2016-01-10T08:00:00Z', NULL, '2016-02-01', NULL),
 (6, 'c0000000-0000-4000-8000-000000000002', 'filip', 'enrolled', '2016-01-11T08:00:00Z', NULL, '2016-02-01', NULL),
 (7, 'c0000000-0000-4000-8000-000000000002', 'greta', 'waitlisted', '2016-01-12T08:00:00Z', 1, NULL, NULL)
)
SELECT 'e0000000-0000-4000-8000-00000000000' || n, c, (SELECT id FROM who WHERE k = w), 'b0000000-0000-4000-8000-000000000001', s, r, pos, eo, en
FROM v;
INSERT INTO attendance (id, session_id, person_id, status)
WITH v(s, w, st) AS (VALUES
 (1, 'anna', 'present'), (1, 'bjorn', 'present'), (1, 'cecilia', 'late'), (1, 'david', 'absent'),
 (2, 'anna', 'present'), (2, 'bjorn', 'absent'), (2, 'cecilia', 'present'), (2, 'david', 'excused'),
 (3, 'anna', 'present'), (3, 'bjorn', 'present'), (3, 'cecilia', 'present'),
 (4, 'anna', 'late'), (4, 'bjorn', 'absent'), (4, 'cecilia', 'present'),
 (5, 'anna', 'present'), (5, 'bjorn', 'present'), (5, 'cecilia', 'excused'),
 (6, 'eva', 'present'), (6, 'filip', 'present'),
 (7, 'eva', 'present'), (7, 'filip', 'absent'),
 -- marked before the day (as an older lup let through): as of 2016-06-01
 -- session 10 is still to come, and these count nowhere
 (10, 'eva', 'present'), (10, 'filip', 'absent')
)
SELECT printf('a0000000-0000-4000-8000-%012d', row_number() OVER ()), printf('d0000000-0000-4000-8000-%012d', s), (SELECT id FROM who WHERE k = w), st
FROM v;
INSERT INTO host_org (id, name, type, country, city, sort_name) VALUES
 ('f0000000-0000-4000-8000-000000000001', 'Aarhus Kommune', 'municipality', 'DK', 'Aarhus', 'aarhus kommune'),
 ('f0000000-0000-4000-8000-000000000002', 'Stadt Wien', 'municipality', 'AT', 'Wien', 'stadt wien');
INSERT INTO placement (id, person_id, host_id, mentor, start_date, end_date, status, objectives, report_received, reflection, cancel_reason) VALUES
 ('90000000-0000-4000-8000-000000000001', (SELECT id FROM who WHERE k = 'anna'), 'f0000000-0000-4000-8000-000000000001', 'Mette Madsen', '2014-10-06', '2014-10-10', 'completed', 'Digitala tjänster', 1, 'Annas reflektion om Aarhus', NULL),
 ('90000000-0000-4000-8000-000000000002', (SELECT id FROM who WHERE k = 'bjorn'), 'f0000000-0000-4000-8000-000000000001', NULL, '2016-10-03', '2016-10-07', 'confirmed', 'Skolutveckling', 0, NULL, NULL),
 ('90000000-0000-4000-8000-000000000003', (SELECT id FROM who WHERE k = 'cecilia'), 'f0000000-0000-4000-8000-000000000002', NULL, '2014-11-03', '2014-11-05', 'cancelled', NULL, 0, NULL, 'Sjukdom'),
 ('90000000-0000-4000-8000-000000000004', (SELECT id FROM who WHERE k = 'eva'), 'f0000000-0000-4000-8000-000000000002', NULL, '2016-11-07', '2016-11-11', 'proposed', NULL, 0, NULL, NULL);
INSERT INTO log_entry (id, person_id, date, session_id, placement_id, text) VALUES
 ('70000000-0000-4000-8000-000000000001', (SELECT id FROM who WHERE k = 'anna'), '2014-10-08', NULL, '90000000-0000-4000-8000-000000000001', 'Anna Berg besökte medborgarservice i Aarhus'),
 ('70000000-0000-4000-8000-000000000002', (SELECT id FROM who WHERE k = 'anna'), '2014-03-04', 'd0000000-0000-4000-8000-000000000002', NULL, 'Reflektion efter dag 2'),
 ('70000000-0000-4000-8000-000000000003', (SELECT id FROM who WHERE k = 'hugo'), '2014-03-04', NULL, NULL, 'Hugo Ivarssons egen anteckning');
INSERT INTO framework (id, ident, name, version, content_hash, level_min, level_max, imported_at) VALUES
 ('60000000-0000-4000-8000-000000000001', 'digcomp', 'DigComp', '2.2', 'fixture', 1, 8, '2014-01-01T00:00:00Z');
INSERT INTO area (id, framework_id, code, seq, name, name_sv) VALUES
 ('61000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000001', '1', 1, 'Information and data literacy', 'Informations- och datakunskap'),
 ('61000000-0000-4000-8000-000000000002', '60000000-0000-4000-8000-000000000001', '2', 2, 'Communication and collaboration', 'Kommunikation och samarbete');
INSERT INTO competence (id, framework_id, area_id, code, seq, name, level_min, level_max, identity) VALUES
 ('62000000-0000-4000-8000-000000000011', '60000000-0000-4000-8000-000000000001', '61000000-0000-4000-8000-000000000001', '1.1', 1, 'Browsing', 1, 8, '62000000-0000-4000-8000-000000000011'),
 ('62000000-0000-4000-8000-000000000012', '60000000-0000-4000-8000-000000000001', '61000000-0000-4000-8000-000000000001', '1.2', 2, 'Evaluating', 1, 8, '62000000-0000-4000-8000-000000000012'),
 ('62000000-0000-4000-8000-000000000021', '60000000-0000-4000-8000-000000000001', '61000000-0000-4000-8000-000000000002', '2.1', 1, 'Interacting', 1, 8, '62000000-0000-4000-8000-000000000021');
INSERT INTO checkin (id, person_id, framework_id, date, kind, assessor_id, assessor_name, status, note)
WITH v(n, w, d, kind, a, an, st, note) AS (VALUES
 (1, 'anna', '2014-02-20', 'self', NULL, NULL, 'final', NULL),
 (2, 'anna', '2014-09-01', 'self', NULL, NULL, 'final', 'Anna Berg känner sig säkrare'),
 (3, 'anna', '2014-09-05', 'manager', 'hugo', 'Hugo Ivarsson', 'final', NULL),
 (4, 'bjorn', '2014-02-21', 'self', NULL, NULL, 'final', NULL),
 (5, 'bjorn', '2015-01-01', 'self', NULL, NULL, 'draft', NULL),
 (6, 'bjorn', '2016-01-10', 'self', NULL, NULL, 'final', NULL),
 (7, 'cecilia', '2014-02-22', 'self', NULL, NULL, 'final', NULL),
 (8, 'greta', '2014-02-23', 'manager', NULL, 'Hugo Ivarsson', 'final', NULL)
)
SELECT '63000000-0000-4000-8000-00000000000' || n, (SELECT id FROM who WHERE k = w), '60000000-0000-4000-8000-000000000001', d, kind,
       (SELECT id FROM who WHERE k = a), an, st, note
FROM v;
INSERT INTO rating (id, checkin_id, competence_id, level, comment)
WITH v(k, c, l, cm) AS (VALUES
 (1, '11', 2, NULL), (1, '12', 3, NULL), (1, '21', 1, NULL),
 (2, '11', 4, 'Anna Berg söker bättre nu'), (2, '12', 4, NULL), (2, '21', 3, NULL),
 (3, '11', 5, NULL), (3, '12', 5, NULL), (3, '21', 5, NULL),
 (4, '11', 3, NULL), (4, '12', 3, NULL), (4, '21', 2, NULL),
 (5, '11', 8, NULL), (5, '12', 8, NULL), (5, '21', 8, NULL),
 (6, '11', 5, NULL), (6, '12', 3, NULL), (6, '21', NULL, NULL),
 (7, '11', 1, NULL), (7, '12', 1, NULL), (7, '21', 1, NULL)
)
SELECT printf('64000000-0000-4000-8000-%012d', row_number() OVER ()), '63000000-0000-4000-8000-00000000000' || k, '62000000-0000-4000-8000-0000000000' || c, l, cm
FROM v;
INSERT INTO target (id, framework_id, competence_id, role, role_key, person_id, level, valid_from) VALUES
 ('65000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000001', '62000000-0000-4000-8000-000000000011', NULL, NULL, (SELECT id FROM who WHERE k = 'anna'), 5, '2014-01-01T00:00:00Z'),
 ('65000000-0000-4000-8000-000000000002', '60000000-0000-4000-8000-000000000001', '62000000-0000-4000-8000-000000000011', 'Rektor', 'rektor', NULL, 4, '2014-01-01T00:00:00Z');
DROP TABLE who;
COMMIT;
