-- daijiao's rules (SPEC §2–§4, README "Decisions", the AMENDED §2.4 tier rule and §3 location rule)
-- as a second, independent implementation in DuckDB SQL. Input: the pre-pass's plain UTF-8 CSV per
-- source (canonical column names, raw cell texts, _file, _line). Output: the table `results`, in the
-- shape of the comparison (kind, k1, k2, k3, v1 … v12; see DuckMain).
-- Placeholders filled by DuckMain: ${YEAR} ${AS_OF} ${CSV} ${DIVISIONS} ${SP} ${FW} ${HW} ${TIER_ANY_STATUS}.
-- Statements end with a semicolon at the end of a line.

-- ----------------------------------------------------------------- policy (policy/2022.yaml)
CREATE TABLE policy AS SELECT
  ${YEAR}::INTEGER AS year,
  DATE '${AS_OF}' AS as_of,
  make_date(${YEAR}, 1, 1) AS w_start,
  least(make_date(${YEAR}, 12, 31), DATE '${AS_OF}') AS w_end,
  make_date(${YEAR}, 8, 31) AS regular_cutoff,
  make_date(${YEAR}, 8, 31) AS regular_deadline,
  make_date(${YEAR}, 12, 31) AS dynamic_deadline,
  DATE '1900-01-01' AS min_birth,
  '500243' AS county,
  '50' AS municipality,
  16 AS min_age,
  60 AS max_age,
  100.00::DECIMAL(12,2) AS lowest_tier;

CREATE TABLE valid_tiers AS SELECT unnest([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1500, 2000])::DECIMAL(12,2) AS tier;

-- category → priority rank (0 highest), share of L, certifying source, department, funding source
CREATE TABLE categories(code VARCHAR, rank INTEGER, share DECIMAL(5,2), source VARCHAR, department VARCHAR, funding_source VARCHAR);
INSERT INTO categories VALUES
  ('TEKUN', 0, 1.00, 'civil_affairs', 'CIVIL_AFFAIRS', 'COUNTY_FINANCE'),
  ('SEVERE_DISABILITY', 1, 1.00, 'disability', 'DISABLED_PERSONS_FEDERATION', 'MUNICIPAL_COUNTY_SETTLEMENT'),
  ('DIBAO', 2, 0.70, 'civil_affairs', 'CIVIL_AFFAIRS', 'COUNTY_FINANCE'),
  ('FANPIN', 3, 0.70, 'rural_revitalization', 'RURAL_REVITALIZATION', 'COUNTY_FINANCE');

-- the departments' words (matched after trimming white space, nothing else)
CREATE TABLE vocab(kind VARCHAR, word VARCHAR, code VARCHAR, target BOOLEAN);
INSERT INTO vocab VALUES
  ('civil_affairs', '特困', 'TEKUN', true), ('civil_affairs', '特困人员', 'TEKUN', true),
  ('civil_affairs', '特困供养', 'TEKUN', true), ('civil_affairs', '城市特困', 'TEKUN', true),
  ('civil_affairs', '农村特困', 'TEKUN', true), ('civil_affairs', '低保', 'DIBAO', true),
  ('civil_affairs', '城市低保', 'DIBAO', true), ('civil_affairs', '农村低保', 'DIBAO', true),
  ('civil_affairs', 'TEKUN', 'TEKUN', true), ('civil_affairs', 'DIBAO', 'DIBAO', true),
  ('rural_revitalization', '返贫', 'FANPIN', true), ('rural_revitalization', '致贫', 'FANPIN', true),
  ('rural_revitalization', '返贫致贫', 'FANPIN', true), ('rural_revitalization', '返贫户', 'FANPIN', true),
  ('rural_revitalization', '致贫户', 'FANPIN', true), ('rural_revitalization', 'FANPIN', 'FANPIN', true),
  ('rural_revitalization', '脱贫不稳定', 'UNSTABLE_OUT_OF_POVERTY', false),
  ('rural_revitalization', '脱贫不稳定户', 'UNSTABLE_OUT_OF_POVERTY', false),
  ('rural_revitalization', '边缘易致贫', 'MARGINAL_POVERTY', false),
  ('rural_revitalization', '边缘易致贫户', 'MARGINAL_POVERTY', false),
  ('rural_revitalization', '突发严重困难', 'SUDDEN_HARDSHIP', false),
  ('rural_revitalization', '突发严重困难户', 'SUDDEN_HARDSHIP', false),
  ('disability', '1', 'SEVERE_DISABILITY', true), ('disability', '2', 'SEVERE_DISABILITY', true),
  ('disability', '一级', 'SEVERE_DISABILITY', true), ('disability', '二级', 'SEVERE_DISABILITY', true),
  ('disability', '3', 'MILD_DISABILITY', false), ('disability', '4', 'MILD_DISABILITY', false),
  ('disability', '三级', 'MILD_DISABILITY', false), ('disability', '四级', 'MILD_DISABILITY', false),
  ('scheme', '城乡居民基本养老保险', 'RESIDENT', NULL), ('scheme', '城乡居保', 'RESIDENT', NULL),
  ('scheme', '城乡居民养老保险', 'RESIDENT', NULL), ('scheme', 'RESIDENT', 'RESIDENT', NULL),
  ('scheme', '企业职工基本养老保险', 'EMPLOYEE', NULL), ('scheme', '企业职工', 'EMPLOYEE', NULL),
  ('scheme', '企业职工养老保险', 'EMPLOYEE', NULL), ('scheme', 'EMPLOYEE', 'EMPLOYEE', NULL),
  ('status', '参保缴费', 'ACTIVE', NULL), ('status', '正常', 'ACTIVE', NULL),
  ('status', '正常参保', 'ACTIVE', NULL), ('status', 'ACTIVE', 'ACTIVE', NULL),
  ('status', '暂停缴费', 'SUSPENDED', NULL), ('status', 'SUSPENDED', 'SUSPENDED', NULL),
  ('status', '终止', 'TERMINATED', NULL), ('status', '注销', 'TERMINATED', NULL),
  ('status', '终止参保', 'TERMINATED', NULL), ('status', 'TERMINATED', 'TERMINATED', NULL),
  ('status', '待遇领取', 'RECEIVING', NULL), ('status', 'RECEIVING', 'RECEIVING', NULL),
  ('payer', '个人缴费', 'SELF', NULL), ('payer', '个人', 'SELF', NULL), ('payer', 'SELF', 'SELF', NULL),
  ('payer', '政府代缴', 'GOVERNMENT', NULL), ('payer', '代缴', 'GOVERNMENT', NULL),
  ('payer', 'GOVERNMENT', 'GOVERNMENT', NULL),
  ('exclusion', '在校学生', 'STUDENT', NULL), ('exclusion', '学生', 'STUDENT', NULL),
  ('exclusion', 'STUDENT', 'STUDENT', NULL), ('exclusion', '现役军人', 'MILITARY', NULL),
  ('exclusion', 'MILITARY', 'MILITARY', NULL), ('exclusion', '服刑人员', 'PRISONER', NULL),
  ('exclusion', '服刑', 'PRISONER', NULL), ('exclusion', 'PRISONER', 'PRISONER', NULL);

-- ----------------------------------------------------------------- value cleaning (SPEC §3, §4)
-- Cleaner.text: trim every kind of space (also U+00A0, U+3000, zero-width, BOM); empty → NULL.
CREATE MACRO trim_sp(s) AS nullif(regexp_replace(s, '^${SP}+|${SP}+$', '', 'g'), '');
-- Chars.foldAndTrim: full-width → ASCII, every space → ' ', then trim (chars ≤ U+0020).
CREATE MACRO fold_trim(s) AS nullif(regexp_replace(regexp_replace(translate(s, '${FW}', '${HW}'), '${SP}', ' ', 'g'), '^[\x00-\x20]+|[\x00-\x20]+$', '', 'g'), '');

-- ID numbers: spaces dropped, full-width folded, x → X, Excel text markers ('…, ="…") removed.
CREATE MACRO id_clean0(s) AS nullif(replace(regexp_replace(translate(s, '${FW}', '${HW}'), '${SP}', '', 'g'), 'x', 'X'), '');
CREATE MACRO id_unmark(c) AS CASE
  WHEN c LIKE '''%' AND length(c) > 1 THEN substr(c, 2)
  WHEN c LIKE '="%"' AND length(c) > 3 THEN substr(c, 3, length(c) - 3)
  WHEN regexp_matches(c, '^=[0-9]') THEN substr(c, 2)
  ELSE c END;
-- ISO 7064 MOD 11-2 check character of 17 digits.
CREATE MACRO id_check(f) AS substr('10X98765432', 1 + ((
    (ascii(f[1]) - 48) * 7 + (ascii(f[2]) - 48) * 9 + (ascii(f[3]) - 48) * 10 + (ascii(f[4]) - 48) * 5
  + (ascii(f[5]) - 48) * 8 + (ascii(f[6]) - 48) * 4 + (ascii(f[7]) - 48) * 2 + (ascii(f[8]) - 48) * 1
  + (ascii(f[9]) - 48) * 6 + (ascii(f[10]) - 48) * 3 + (ascii(f[11]) - 48) * 7 + (ascii(f[12]) - 48) * 9
  + (ascii(f[13]) - 48) * 10 + (ascii(f[14]) - 48) * 5 + (ascii(f[15]) - 48) * 8 + (ascii(f[16]) - 48) * 4
  + (ascii(f[17]) - 48) * 2) % 11), 1);
-- 15 → 18 digits: insert 19 after the area code, append the check character.
CREATE MACRO id_up(c) AS CASE WHEN regexp_full_match(c, '[0-9]{15}')
  THEN substr(c, 1, 6) || '19' || substr(c, 7) || id_check(substr(c, 1, 6) || '19' || substr(c, 7))
  ELSE c END;
CREATE MACRO id_birth(id) AS try_strptime(substr(id, 7, 8), '%Y%m%d')::DATE;
-- Why an ID is invalid (NULL when valid); birth = id_birth(id); lo/hi bound it (NULL: open).
CREATE MACRO id_problem(id, birth, lo, hi) AS CASE
  WHEN id IS NULL THEN 'ID_MISSING'
  WHEN length(id) <> 18 OR NOT regexp_full_match(id, '[0-9]{17}[0-9X]') THEN 'ID_INVALID_FORMAT'
  WHEN birth IS NULL OR substr(id, 7, 4) < '1000' THEN 'ID_INVALID_BIRTHDATE'
  WHEN birth < lo OR birth > hi THEN 'ID_INVALID_BIRTHDATE'
  WHEN id_check(id) <> substr(id, 18, 1) THEN 'ID_INVALID_CHECKSUM'
  END;

-- Dates: 2022-03-05, 2022/3/5, 2022.3.5, 20220305, 2022年3月5日, a time part, Excel serials (1–99999).
CREATE MACRO d_notime(s) AS CASE
  WHEN regexp_full_match(s, '.+?[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?')
  THEN regexp_replace(regexp_extract(s, '^(.+?)[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?$', 1), '^[\x00-\x20]+|[\x00-\x20]+$', '', 'g')
  ELSE s END;
CREATE MACRO d_ymd(y, m, d) AS CASE WHEN y::INTEGER < 1000 THEN NULL
  ELSE try_strptime(y || '-' || m || '-' || d, '%Y-%m-%d')::DATE END;
CREATE MACRO d_serial(n) AS CASE
  WHEN n BETWEEN 1900 AND 2100 OR n < 1 OR n = 60 THEN NULL
  WHEN n < 60 THEN DATE '1899-12-31' + n::INTEGER
  ELSE DATE '1899-12-30' + n::INTEGER END;
CREATE MACRO d_parse_n(s) AS CASE
  WHEN regexp_full_match(s, '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}') OR regexp_full_match(s, '[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}') OR regexp_full_match(s, '[0-9]{4}\.[0-9]{1,2}\.[0-9]{1,2}')
    THEN d_ymd(regexp_extract(s, '^([0-9]{4})', 1), regexp_extract(s, '^[0-9]{4}.([0-9]{1,2})', 1), regexp_extract(s, '([0-9]{1,2})$', 1))
  WHEN regexp_full_match(s, '[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日')
    THEN d_ymd(regexp_extract(s, '^([0-9]{4})', 1), regexp_extract(s, '年([0-9]{1,2})月', 1), regexp_extract(s, '月([0-9]{1,2})日', 1))
  WHEN regexp_full_match(s, '[0-9]{8}')
    THEN d_ymd(substr(s, 1, 4), substr(s, 5, 2), substr(s, 7, 2))
  WHEN regexp_full_match(s, '[0-9]{1,5}(\.0+)?')
    THEN d_serial(regexp_extract(s, '^([0-9]+)', 1)::INTEGER)
  END;

-- Amounts: 1,000.50 ¥100 100元 full-width, a minus for refunds; HALF_UP to fen; ≤ 10^10.
CREATE MACRO a_re() AS '^(-?) *[¥￥]? *(-?) *((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?) *元?$';

-- 费款所属期: 2022, 2022年(度), 202201, 2022-1, 2022年1月, 202201-202212; 1900–2100.
CREATE MACRO y_ok(y) AS CASE WHEN y::INTEGER BETWEEN 1900 AND 2100 THEN y::INTEGER END;
CREATE MACRO y_month_ok(m) AS m::INTEGER BETWEEN 1 AND 12;
CREATE MACRO y_parse_s(s) AS CASE
  WHEN regexp_full_match(s, '[0-9]{4}(年度?|\.0+)?') THEN y_ok(substr(s, 1, 4))
  WHEN regexp_full_match(s, '[0-9]{4}[0-9]{2}') THEN CASE WHEN y_month_ok(substr(s, 5, 2)) THEN y_ok(substr(s, 1, 4)) END
  WHEN regexp_full_match(s, '[0-9]{4}[-./][0-9]{1,2}') THEN CASE WHEN y_month_ok(substr(s, 6)) THEN y_ok(substr(s, 1, 4)) END
  WHEN regexp_full_match(s, '[0-9]{4}年[0-9]{1,2}月') THEN CASE WHEN y_month_ok(regexp_extract(s, '年([0-9]+)月', 1)) THEN y_ok(substr(s, 1, 4)) END
  WHEN regexp_full_match(s, '[0-9]{4}[-./]?[0-9]{2} *[-~至到] *[0-9]{4}[-./]?[0-9]{2}') THEN
    CASE WHEN y_month_ok(regexp_extract(s, '^[0-9]{4}[-./]?([0-9]{2})', 1))
          AND y_month_ok(regexp_extract(s, '([0-9]{2})$', 1))
          AND substr(s, 1, 4) = regexp_extract(s, '([0-9]{4})[-./]?[0-9]{2}$', 1)
         THEN y_ok(substr(s, 1, 4)) END
  END;


-- ----------------------------------------------------------------- the exports (pre-pass output)
CREATE TABLE raw_civil_affairs AS SELECT * FROM read_csv('${CSV}/civil_affairs.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
CREATE TABLE raw_rural_revitalization AS SELECT * FROM read_csv('${CSV}/rural_revitalization.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
CREATE TABLE raw_disability AS SELECT * FROM read_csv('${CSV}/disability.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
CREATE TABLE raw_pension_enrollment AS SELECT * FROM read_csv('${CSV}/pension_enrollment.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
CREATE TABLE raw_tax_payments AS SELECT * FROM read_csv('${CSV}/tax_payments.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
CREATE TABLE raw_exclusions AS SELECT * FROM read_csv('${CSV}/exclusions.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');

-- ----------------------------------------------------------------- cell dictionaries
-- Every distinct raw text of a kind of cell is cleaned once (a dictionary per kind), in stages
-- that each apply one macro to the previous stage's column: DuckDB expands macros inline, so
-- nesting them directly would multiply the expressions (and the planning time) many times over.
CREATE TABLE dict_id AS
WITH raw AS (
  SELECT DISTINCT v AS raw FROM (
    SELECT id_number AS v FROM raw_civil_affairs UNION ALL SELECT id_number FROM raw_rural_revitalization
    UNION ALL SELECT id_number FROM raw_disability UNION ALL SELECT id_number FROM raw_pension_enrollment
    UNION ALL SELECT id_number FROM raw_tax_payments UNION ALL SELECT id_number FROM raw_exclusions)
  WHERE v IS NOT NULL
), s1 AS MATERIALIZED (SELECT raw, id_clean0(raw) AS c FROM raw),
s2 AS MATERIALIZED (SELECT raw, id_unmark(c) AS c FROM s1),
s3 AS MATERIALIZED (SELECT raw, id_up(c) AS id FROM s2),
s4 AS MATERIALIZED (SELECT raw, id, id_birth(id) AS birth FROM s3)
SELECT raw, id, id_problem(id, birth, p.min_birth, p.as_of) AS problem FROM s4, policy p;

-- Disability certificates: ID (18) + category digit (1–7) + grade digit (1–4); not upgraded.
CREATE TABLE dict_cert AS
WITH raw AS (SELECT DISTINCT certificate_number AS raw FROM raw_disability WHERE certificate_number IS NOT NULL),
s1 AS MATERIALIZED (SELECT raw, id_clean0(raw) AS c FROM raw),
s2 AS MATERIALIZED (SELECT raw, id_unmark(c) AS cert FROM s1),
s3 AS MATERIALIZED (SELECT raw, cert, CASE WHEN length(cert) = 20 THEN substr(cert, 1, 18) END AS part FROM s2),
s4 AS MATERIALIZED (SELECT raw, cert, part, id_birth(part) AS birth FROM s3)
SELECT raw, cert, part,
  coalesce(part IS NOT NULL AND id_problem(part, birth, NULL, NULL) IS NULL
    AND substr(cert, 19, 1) BETWEEN '1' AND '7' AND substr(cert, 20, 1) BETWEEN '1' AND '4', false) AS ok
FROM s4;

CREATE TABLE dict_date AS
WITH raw AS (
  SELECT DISTINCT v AS raw FROM (
    SELECT start_date AS v FROM raw_civil_affairs UNION ALL SELECT end_date FROM raw_civil_affairs
    UNION ALL SELECT start_date FROM raw_rural_revitalization UNION ALL SELECT end_date FROM raw_rural_revitalization
    UNION ALL SELECT start_date FROM raw_disability UNION ALL SELECT end_date FROM raw_disability
    UNION ALL SELECT start_date FROM raw_exclusions UNION ALL SELECT end_date FROM raw_exclusions
    UNION ALL SELECT paid_date FROM raw_tax_payments)
  WHERE v IS NOT NULL
), s1 AS MATERIALIZED (SELECT raw, fold_trim(raw) AS f FROM raw),
s2 AS MATERIALIZED (SELECT raw, f, d_notime(f) AS t FROM s1),
s3 AS MATERIALIZED (SELECT raw, f, regexp_replace(t, ' *([-/.年月日]) *', '\1', 'g') AS n FROM s2),
s4 AS MATERIALIZED (SELECT raw, f, d_parse_n(n) AS d FROM s3)
SELECT raw, d, (f IS NOT NULL AND d IS NULL) AS bad FROM s4;

-- Amounts and tiers.
CREATE TABLE dict_amount AS
WITH raw AS (
  SELECT DISTINCT v AS raw FROM (SELECT amount AS v FROM raw_tax_payments UNION ALL SELECT tier FROM raw_pension_enrollment)
  WHERE v IS NOT NULL
), s1 AS MATERIALIZED (SELECT raw, replace(fold_trim(raw), '−', '-') AS s FROM raw),
s2 AS MATERIALIZED (
  SELECT raw, s, regexp_full_match(s, a_re()) AS m, regexp_matches(s, '[0-9][eE][-+]?[0-9]') AS sci,
         regexp_extract(s, a_re(), ['m1', 'm2', 'num']) AS g FROM s1),
s3 AS MATERIALIZED (
  SELECT raw, s, m, sci, g.m1 AS m1, g.m2 AS m2,
         round(TRY_CAST(replace(g.num, ',', '') AS DECIMAL(38,10)), 2) AS v FROM s2)
SELECT raw, CASE
  WHEN s IS NULL OR sci OR NOT m THEN NULL
  WHEN m1 = '-' AND m2 = '-' THEN NULL
  WHEN v IS NULL OR v > 10000000000 THEN NULL
  WHEN m1 = '-' OR m2 = '-' THEN TRY_CAST(-v AS DECIMAL(12,2))
  ELSE TRY_CAST(v AS DECIMAL(12,2)) END AS a
FROM s3;

CREATE TABLE dict_year AS
WITH raw AS (SELECT DISTINCT payment_year AS raw FROM raw_tax_payments WHERE payment_year IS NOT NULL),
s1 AS MATERIALIZED (SELECT raw, fold_trim(raw) AS s FROM raw)
SELECT raw, y_parse_s(s) AS y FROM s1;

-- Region codes: 6 digits; exported as 500243.0 or with a 9/12-digit suffix → the first 6.
CREATE TABLE dict_region AS
WITH raw AS (SELECT DISTINCT region_code AS raw FROM raw_pension_enrollment WHERE region_code IS NOT NULL),
s1 AS MATERIALIZED (SELECT raw, regexp_replace(trim_sp(raw), '[ \t\n\x0B\f\r]', '', 'g') AS s FROM raw)
SELECT raw, CASE WHEN regexp_full_match(s, '[0-9]{6}(\.0+)?|[0-9]{9}|[0-9]{12}') THEN substr(s, 1, 6) ELSE s END AS region
FROM s1;

-- ----------------------------------------------------------------- clean records
-- Roster records (one category period per row) of the three roster sources.
CREATE TABLE roster AS
WITH r AS (
  SELECT 'civil_affairs' AS source, _file, _line::BIGINT AS _line, di.id, di.problem,
         trim_sp(category) AS word, trim_sp(township) AS township, trim_sp(village) AS village,
         start_date, end_date
  FROM raw_civil_affairs x LEFT JOIN dict_id di ON di.raw = x.id_number
  UNION ALL
  SELECT 'rural_revitalization', _file, _line::BIGINT, di.id, di.problem,
         trim_sp(category), trim_sp(township), trim_sp(village), start_date, end_date
  FROM raw_rural_revitalization x LEFT JOIN dict_id di ON di.raw = x.id_number
  UNION ALL
  -- Disability (SPEC §3): the ID column, else the certificate's first 18 characters; both given
  -- and different → rejected; the grade column, else the certificate's grade digit.
  SELECT 'disability', _file, _line::BIGINT,
    CASE
      WHEN di.id IS NULL AND dc.cert IS NULL THEN NULL
      WHEN di.id IS NULL THEN CASE WHEN dc.ok THEN dc.part END
      WHEN dc.part IS NOT NULL AND dc.part <> di.id THEN NULL
      ELSE di.id END,
    CASE
      WHEN di.id IS NULL AND dc.cert IS NULL THEN 'ID_MISSING'
      WHEN di.id IS NULL THEN CASE WHEN dc.ok THEN dp.problem ELSE 'CERTIFICATE_INVALID' END
      WHEN dc.part IS NOT NULL AND dc.part <> di.id THEN 'ID_CERTIFICATE_MISMATCH'
      ELSE di.problem END,
    coalesce(trim_sp(disability_grade), CASE WHEN dc.ok THEN substr(dc.cert, 20, 1) END),
    trim_sp(township), trim_sp(village), start_date, end_date
  FROM raw_disability x
  LEFT JOIN dict_id di ON di.raw = x.id_number
  LEFT JOIN dict_cert dc ON dc.raw = x.certificate_number
  LEFT JOIN dict_id dp ON dp.raw = dc.part
)
SELECT r.source, r._file, r._line, r.id, v.code AS category, v.target, r.township, r.village,
       ds.d AS s, de.d AS e
FROM r
LEFT JOIN vocab v ON v.kind = r.source AND v.word = r.word
LEFT JOIN dict_date ds ON ds.raw = r.start_date
LEFT JOIN dict_date de ON de.raw = r.end_date
WHERE r.id IS NOT NULL AND r.problem IS NULL
  AND v.code IS NOT NULL
  AND ds.d IS NOT NULL AND NOT coalesce(de.bad, false)
  AND (de.d IS NULL OR de.d >= ds.d);

CREATE TABLE enrollments AS
SELECT di.id, sc.code AS scheme, rg.region AS region_code, st.code AS status, da.a AS tier
FROM raw_pension_enrollment x
JOIN dict_id di ON di.raw = x.id_number
JOIN vocab sc ON sc.kind = 'scheme' AND sc.word = trim_sp(x.scheme)
JOIN vocab st ON st.kind = 'status' AND st.word = trim_sp(x.status)
JOIN dict_region rg ON rg.raw = x.region_code
LEFT JOIN dict_amount da ON da.raw = x.tier
WHERE di.problem IS NULL AND regexp_full_match(rg.region, '[0-9]{6}');

-- A payment exported twice (every value equal) counts once.
CREATE TABLE payments AS
SELECT DISTINCT di.id, dy.y AS payment_year, da.a AS amount, dd.d AS paid, py.code AS payer
FROM raw_tax_payments x
JOIN dict_id di ON di.raw = x.id_number
JOIN dict_year dy ON dy.raw = x.payment_year
JOIN dict_amount da ON da.raw = x.amount
JOIN dict_date dd ON dd.raw = x.paid_date
JOIN vocab py ON py.kind = 'payer' AND py.word = trim_sp(x.payer_type)
WHERE di.problem IS NULL AND dy.y IS NOT NULL AND da.a IS NOT NULL AND dd.d IS NOT NULL;

CREATE TABLE exclusions AS
SELECT di.id, v.code AS reason, ds.d AS s, de.d AS e
FROM raw_exclusions x
JOIN dict_id di ON di.raw = x.id_number
JOIN vocab v ON v.kind = 'exclusion' AND v.word = trim_sp(x.reason)
JOIN dict_date ds ON ds.raw = x.start_date
LEFT JOIN dict_date de ON de.raw = x.end_date
WHERE di.problem IS NULL AND ds.d IS NOT NULL AND NOT coalesce(de.bad, false)
  AND (de.d IS NULL OR de.d >= ds.d);

-- ----------------------------------------------------------------- eligibility (§2.1–§2.3)
-- Who is decided: a valid ID with a roster record that starts on or before as_of (Decision 2).
CREATE TABLE persons AS
SELECT id, min(id_birth(id)) AS birth,
       (min(id_birth(id)) + INTERVAL (max(p.min_age)) YEAR)::DATE AS age_start,
       (min(id_birth(id)) + INTERVAL (max(p.max_age)) YEAR)::DATE AS age_end
FROM roster, policy p WHERE s <= p.as_of GROUP BY id;

-- Target-category periods that exist for the run, and the part of W each covers.
CREATE TABLE cat AS
SELECT r.id, r.category, c.rank, r.s, coalesce(r.e, DATE '9999-12-30') AS e,
       greatest(r.s, p.w_start) AS hs, least(coalesce(r.e, DATE '9999-12-30'), p.w_end) AS he
FROM roster r JOIN categories c ON c.code = r.category, policy p
WHERE r.target AND r.s <= p.as_of;

-- Held in W (condition 1) and within the age window [16th birthday, 60th birthday) (condition 2).
CREATE TABLE cat_age AS
SELECT c.id, c.category, c.rank, greatest(c.hs, ps.age_start) AS cs, least(c.he, ps.age_end - 1) AS ce
FROM cat c JOIN persons ps USING (id)
WHERE greatest(c.hs, ps.age_start) <= least(c.he, ps.age_end - 1);

CREATE TABLE excl AS
SELECT x.id, x.reason, x.s, coalesce(x.e, DATE '9999-12-30') AS e
FROM exclusions x, policy p WHERE x.s <= p.as_of;

-- Condition 3: the first day of each category's held-and-in-age days that no exclusion covers.
-- It is the start of such a period or the day after an exclusion ends.
CREATE TABLE first_q AS
WITH cand AS (
  SELECT id, category, rank, cs AS d FROM cat_age
  UNION
  SELECT c.id, c.category, c.rank, x.e + 1 FROM cat_age c JOIN excl x ON x.id = c.id AND x.e + 1 BETWEEN c.cs AND c.ce
)
SELECT id, category, rank, min(d) AS fq FROM cand
WHERE NOT EXISTS (SELECT 1 FROM excl x WHERE x.id = cand.id AND cand.d BETWEEN x.s AND x.e)
GROUP BY id, category, rank;

CREATE TABLE snapshot AS
SELECT e.id,
  bool_or(e.scheme = 'EMPLOYEE' AND e.status = 'ACTIVE') AS employee,
  bool_or(e.scheme = 'RESIDENT' AND e.status IN ('ACTIVE', 'SUSPENDED') AND NOT starts_with(e.region_code, p.municipality)) AS outside,
  bool_or(e.scheme = 'RESIDENT' AND e.status IN ('ACTIVE', 'SUSPENDED') AND starts_with(e.region_code, p.municipality) AND e.region_code <> p.county) AS other_county,
  bool_or(e.status = 'RECEIVING') AS receiving,
  bool_or(e.status IN ('ACTIVE', 'SUSPENDED', 'RECEIVING')) AS insured,
  bool_or(e.scheme = 'RESIDENT' AND e.region_code = p.county AND e.status IN ('ACTIVE', 'SUSPENDED')) AS enrolled_in_county
FROM enrollments e, policy p GROUP BY e.id;

-- §2.4 (amended): T from the ACTIVE county resident records, else the SUSPENDED ones, never
-- TERMINATED/RECEIVING; several valid tiers → the highest + TIER_CONFLICT; none → L + TIER_DEFAULTED.
-- ${TIER_ANY_STATUS} is false; DuckMain --tier-rule readme-decision-5 makes it true, to reproduce the
-- pre-amendment rule (README Decision 5: ACTIVE, else SUSPENDED, else any status) for comparison.
CREATE TABLE tiers AS
WITH county AS (
  SELECT e.id, e.status, e.tier FROM enrollments e, policy p
  WHERE e.scheme = 'RESIDENT' AND e.region_code = p.county
    AND (e.status IN ('ACTIVE', 'SUSPENDED') OR ${TIER_ANY_STATUS})
), best AS (
  SELECT *, min(CASE status WHEN 'ACTIVE' THEN 0 WHEN 'SUSPENDED' THEN 1 ELSE 2 END) OVER (PARTITION BY id) AS best_rank,
            CASE status WHEN 'ACTIVE' THEN 0 WHEN 'SUSPENDED' THEN 1 ELSE 2 END AS rank
  FROM county
)
SELECT id, max(tier) AS tier, count(DISTINCT tier) AS tiers
FROM best WHERE rank = best_rank AND tier IN (SELECT tier FROM valid_tiers)
GROUP BY id;

CREATE TABLE paid AS
SELECT id,
  coalesce(sum(amount) FILTER (WHERE payer = 'SELF'), 0)::DECIMAL(12,2) AS self_paid,
  coalesce(sum(amount) FILTER (WHERE payer = 'GOVERNMENT'), 0)::DECIMAL(12,2) AS gov_paid
FROM payments, policy p WHERE payment_year = p.year AND paid <= p.as_of GROUP BY id;

CREATE TABLE decided AS
WITH held AS (
  SELECT id, list(category ORDER BY rank) AS held, min(hs) AS held_first, max(he) AS held_last,
         arg_min(category, rank) AS highest_held
  FROM (SELECT id, category, min(rank) AS rank, min(hs) AS hs, max(he) AS he
        FROM cat, policy p WHERE hs <= he GROUP BY id, category) GROUP BY id
), ever AS (
  SELECT id, arg_min(category, rank) AS highest_ever FROM cat GROUP BY id
), q AS (
  SELECT id, min(fq) AS first_q, arg_min(category, rank) AS resolved FROM first_q GROUP BY id
), ca AS (
  SELECT DISTINCT id FROM cat_age
), xr AS (
  -- exclusions that cover some held-and-in-age day
  SELECT DISTINCT c.id, x.reason FROM cat_age c JOIN excl x ON x.id = c.id AND x.s <= c.ce AND x.e >= c.cs
), base AS (
  SELECT ps.id, ps.birth, ps.age_start, ps.age_end, h.held, h.held_first, h.held_last, h.highest_held,
    ev.highest_ever, q.first_q, q.resolved,
    (ca.id IS NOT NULL) AS has_cat_age,
    coalesce(sn.employee, false) AS employee, coalesce(sn.outside, false) AS outside,
    coalesce(sn.other_county, false) AS other_county, coalesce(sn.receiving, false) AS receiving,
    coalesce(sn.insured, false) AS insured, coalesce(sn.enrolled_in_county, false) AS enrolled_in_county
  FROM persons ps
  LEFT JOIN held h USING (id) LEFT JOIN ever ev USING (id) LEFT JOIN q USING (id)
  LEFT JOIN ca USING (id) LEFT JOIN snapshot sn USING (id)
)
SELECT b.*,
  list_filter([
    CASE WHEN b.held IS NULL THEN 'NO_TARGET_CATEGORY' END,
    CASE WHEN b.held IS NOT NULL AND NOT b.has_cat_age AND b.held_first < b.age_start THEN 'AGE_UNDER_16' END,
    CASE WHEN b.held IS NOT NULL AND NOT b.has_cat_age AND b.held_last >= b.age_end THEN 'AGE_60_OR_OVER' END,
    CASE WHEN b.has_cat_age AND b.first_q IS NULL AND EXISTS (SELECT 1 FROM xr WHERE xr.id = b.id AND xr.reason = 'STUDENT') THEN 'STUDENT' END,
    CASE WHEN b.has_cat_age AND b.first_q IS NULL AND EXISTS (SELECT 1 FROM xr WHERE xr.id = b.id AND xr.reason = 'MILITARY') THEN 'MILITARY' END,
    CASE WHEN b.has_cat_age AND b.first_q IS NULL AND EXISTS (SELECT 1 FROM xr WHERE xr.id = b.id AND xr.reason = 'PRISONER') THEN 'PRISONER' END,
    CASE WHEN b.employee THEN 'EMPLOYEE_PENSION' END,
    CASE WHEN b.outside THEN 'RESIDENT_PENSION_OUTSIDE_MUNICIPALITY' END,
    CASE WHEN b.other_county THEN 'RESIDENT_PENSION_OTHER_COUNTY' END,
    CASE WHEN b.receiving THEN 'RECEIVING_PENSION' END
  ], lambda r: r IS NOT NULL) AS reasons
FROM base b;

-- ----------------------------------------------------------------- ledger (§2.4, §2.5)
CREATE TABLE decisions AS
SELECT d.*, len(d.reasons) = 0 AS eligible,
  CASE WHEN len(d.reasons) = 0 THEN d.resolved ELSE d.highest_held END AS category,
  CASE WHEN len(d.reasons) = 0 THEN d.first_q END AS first_eligible_date,
  d.first_q IS NOT NULL AS in_coverage_target,
  coalesce(t.tier, p.lowest_tier) AS tier,
  CASE WHEN t.tier IS NULL THEN 'TIER_DEFAULTED' WHEN t.tiers > 1 THEN 'TIER_CONFLICT' ELSE '' END AS flags,
  coalesce(pd.self_paid, 0)::DECIMAL(12,2) AS self_paid,
  coalesce(pd.gov_paid, 0)::DECIMAL(12,2) AS gov_paid
FROM decided d LEFT JOIN tiers t USING (id) LEFT JOIN paid pd USING (id), policy p;

CREATE TABLE ledger AS
WITH l AS (
  SELECT d.id, d.category, c.department, c.funding_source, d.tier, d.first_eligible_date,
    (p.lowest_tier * c.share)::DECIMAL(12,2) AS subsidy, d.self_paid, d.gov_paid, d.flags,
    d.enrolled_in_county,
    CASE WHEN d.self_paid >= d.tier THEN 'POST_HOC_REFUND' ELSE 'DIRECT' END AS mode,
    CASE WHEN d.first_eligible_date <= p.regular_cutoff THEN 'REGULAR' ELSE 'DYNAMIC' END AS batch,
    CASE WHEN d.first_eligible_date <= p.regular_cutoff THEN p.regular_deadline ELSE p.dynamic_deadline END AS deadline
  FROM decisions d JOIN categories c ON c.code = d.category, policy p
  WHERE d.eligible
)
SELECT *, (tier - subsidy)::DECIMAL(12,2) AS self_pay,
  CASE
    WHEN NOT enrolled_in_county THEN 'AWAITING_ENROLLMENT'
    WHEN mode = 'POST_HOC_REFUND' THEN 'REFUND_DUE'
    WHEN gov_paid >= subsidy THEN 'SETTLED'
    WHEN self_paid < tier - subsidy THEN 'AWAITING_SELF_PAYMENT'
    ELSE 'AWAITING_GOVERNMENT_PAYMENT' END AS status
FROM l;

-- ----------------------------------------------------------------- location (§3 amended, Decision 9)
CREATE TABLE divisions AS SELECT * FROM read_csv('${DIVISIONS}', header = true, all_varchar = true);
CREATE TABLE townships AS
SELECT code AS township_code, name AS official,
       regexp_replace(regexp_replace(name, '[ \t\n\x0B\f\r\x{3000}\x{A0}]', '', 'g'), '(街道办事处|街道|镇|乡)$', '') AS k
FROM divisions WHERE level = 'township';
CREATE TABLE villages AS
SELECT code AS village_code, parent_code AS township_code, short_name AS official,
       regexp_replace(regexp_replace(short_name, '[ \t\n\x0B\f\r\x{3000}\x{A0}]', '', 'g'), '(村民委员会|居民委员会|社区|村)$', '') AS k
FROM divisions WHERE level = 'village';

-- The latest-starting record (ties: last by file, line) of the source certifying the resolved
-- category, else the highest held in W, else the highest ever held; else of any roster source.
CREATE TABLE located AS
WITH pref AS (
  SELECT d.id, c.source AS pref_source
  FROM decisions d LEFT JOIN categories c ON c.code = coalesce(d.category, d.highest_ever)
), rec AS (
  SELECT r.id, r.township, r.village,
    row_number() OVER (PARTITION BY r.id ORDER BY r.s DESC, r._file DESC, r._line DESC) AS n
  FROM roster r JOIN pref USING (id), policy p
  WHERE r.s <= p.as_of AND (pref.pref_source IS NULL OR r.source = pref.pref_source)
)
SELECT rec.id, coalesce(t.official, rec.township) AS township, t.township_code,
       coalesce(v.official, rec.village) AS village, v.village_code
FROM rec
LEFT JOIN townships t ON t.k = regexp_replace(regexp_replace(rec.township, '[ \t\n\x0B\f\r\x{3000}\x{A0}]', '', 'g'), '(街道办事处|街道|镇|乡)$', '')
LEFT JOIN villages v ON v.township_code = t.township_code
  AND v.k = regexp_replace(regexp_replace(rec.village, '[ \t\n\x0B\f\r\x{3000}\x{A0}]', '', 'g'), '(村民委员会|居民委员会|社区|村)$', '')
WHERE rec.n = 1;

-- ----------------------------------------------------------------- results, in the comparison's shape
CREATE TABLE eligibility AS
SELECT d.id, d.eligible, d.category, d.reasons, d.first_eligible_date, d.in_coverage_target,
  d.insured,
  d.eligible AND d.self_paid + d.gov_paid >= d.tier AS paid,
  l.township, d.held
FROM decisions d LEFT JOIN located l USING (id);

CREATE TABLE results AS
SELECT 'E' AS kind, id AS k1, '' AS k2, '' AS k3,
  eligible::VARCHAR AS v1, category AS v2, coalesce(array_to_string(reasons, ';'), '') AS v3,
  first_eligible_date::VARCHAR AS v4, in_coverage_target::VARCHAR AS v5, insured::VARCHAR AS v6,
  paid::VARCHAR AS v7, township AS v8, coalesce(array_to_string(held, ';'), '') AS v9,
  NULL::VARCHAR AS v10, NULL::VARCHAR AS v11, NULL::VARCHAR AS v12
FROM eligibility
UNION ALL
SELECT 'L', id, '', '', tier::VARCHAR, subsidy::VARCHAR, self_pay::VARCHAR, mode, batch, status,
  flags, category, self_paid::VARCHAR, gov_paid::VARCHAR, deadline::VARCHAR, first_eligible_date::VARCHAR
FROM ledger
UNION ALL
SELECT 'C', CASE WHEN grouping(t) = 1 THEN 'COUNTY' ELSE 'TOWNSHIP' END, coalesce(t, ''),
  CASE WHEN grouping(c) = 1 THEN 'ALL' ELSE c END,
  count(*)::VARCHAR, count_if(insured)::VARCHAR, count_if(eligible)::VARCHAR, count_if(paid)::VARCHAR,
  coalesce(sum(subsidy), 0)::DECIMAL(12,2)::VARCHAR, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM (SELECT coalesce(e.township, 'UNKNOWN') AS t, e.category AS c, e.insured, e.eligible, e.paid, l.subsidy
      FROM eligibility e LEFT JOIN ledger l USING (id) WHERE e.in_coverage_target)
GROUP BY GROUPING SETS ((), (c), (t), (t, c));
