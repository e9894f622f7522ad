-- Grows a `lup demo --people 50000` database to about a million ratings
-- (tests/bench/lib.sh, bench_ratings): one more final self-assessment of
-- every competence, on a day of the last two years, for nine people in
-- ten.  Through lup's schema, so its triggers keep what they keep.
BEGIN;
INSERT INTO checkin (id, person_id, framework_id, date, kind, status, created_at, updated_at)
SELECT printf('%08x-0000-4000-8000-b00000000001', p.rowid), p.id,
       (SELECT id FROM framework ORDER BY imported_at DESC, revision DESC LIMIT 1),
       date('now', printf('-%d days', 1 + (p.rowid * 37) % 700)), 'self', 'final',
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM person p WHERE p.rowid % 10 < 9;
INSERT INTO rating (id, checkin_id, competence_id, level, created_at, updated_at)
SELECT substr(k.id, 1, 24) || printf('%012x', c.seq), k.id, c.id,
       c.level_min + (k.rowid * 31 + c.seq * 17) % (c.level_max - c.level_min + 1),
       k.created_at, k.created_at
FROM checkin k JOIN competence c ON c.framework_id = k.framework_id AND c.retired = 0
WHERE k.id LIKE '%-b00000000001';
COMMIT;
