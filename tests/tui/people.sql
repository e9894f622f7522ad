-- people.sql — N made-up people straight into the person table, for the
-- TUI tests and the benchmark (the demo generator does far more).  Run as
--   sqlite3 DB ".param set :n 300" ".read tests/tui/people.sql"
-- The folded search text and sort keys follow lup_fold/lup_sortkey for
-- plain ASCII names, which is all this file makes: in a sort key the
-- number at the end of a name is written after its length ("andersson 9"
-- is "andersson 19"), so that 9 comes before 129.
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < :n),
names(i, first, base, last, unit, role) AS (
  SELECT i,
    CASE i % 12 WHEN 0 THEN 'Anna' WHEN 1 THEN 'Lars' WHEN 2 THEN 'Karin' WHEN 3 THEN 'Per'
      WHEN 4 THEN 'Maria' WHEN 5 THEN 'Johan' WHEN 6 THEN 'Eva' WHEN 7 THEN 'Anders'
      WHEN 8 THEN 'Sara' WHEN 9 THEN 'Erik' WHEN 10 THEN 'Lena' ELSE 'Nils' END,
    CASE (i / 12) % 10 WHEN 0 THEN 'Andersson' WHEN 1 THEN 'Johansson' WHEN 2 THEN 'Karlsson'
      WHEN 3 THEN 'Nilsson' WHEN 4 THEN 'Eriksson' WHEN 5 THEN 'Larsson' WHEN 6 THEN 'Olsson'
      WHEN 7 THEN 'Persson' WHEN 8 THEN 'Svensson' ELSE 'Gustafsson' END,
    NULL,
    CASE i % 6 WHEN 0 THEN 'Social services' WHEN 1 THEN 'Schools' WHEN 2 THEN 'Elderly care'
      WHEN 3 THEN 'Planning' WHEN 4 THEN 'IT' ELSE 'Culture' END,
    CASE i % 3 WHEN 0 THEN 'Unit manager' WHEN 1 THEN 'Head of department' ELSE 'Team leader' END
  FROM seq),
named(i, first, last, key, unit, role) AS (
  SELECT i, first, base || ' ' || i, lower(first || ' ' || base || ' ') || length(i) || i, unit, role
  FROM names)
INSERT INTO person (id, name, email, org_unit, role, active, search, sort_name, sort_unit,
                    sort_role, created_at, updated_at)
SELECT printf('%08x-0000-4000-8000-%012x', i, i), first || ' ' || last,
  lower(first) || '.' || i || '@example.se', unit, role, 1,
  lower(first || ' ' || last || ' ' || first || '.' || i || '@example.se ' || unit || ' ' || role),
  key, lower(unit), lower(role),
  '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'
FROM named;
