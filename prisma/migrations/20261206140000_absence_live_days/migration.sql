-- The first day the statistics sum live rather than read from the day tables: today, or an earlier day the API
-- processes have not settled yet (AbsenceDaySettlement). A scalar SQL function, inlined where it is used.
CREATE FUNCTION absence_live_from(p_today DATE) RETURNS DATE LANGUAGE sql STABLE AS $$
  SELECT least(p_today, coalesce((SELECT "settledBefore" FROM "AbsenceDaySettlement"), '-infinity'::date))
$$;

-- The days of a range the statistics sum live: from absence_live_from to the end of the range, at most today. A
-- function the planner counts as one row, which is what it nearly always is: as a bare generate_series over values it
-- cannot know it counted a thousand, and for a school's year that took the plan's cost past the JIT compiler's
-- threshold (340 ms of compiling in a 780 ms statement, bench/statistics.ts). PL/pgSQL, so that it is not inlined
-- back into generate_series.
CREATE FUNCTION absence_live_days(p_from DATE, p_to DATE, p_today DATE) RETURNS SETOF DATE
LANGUAGE plpgsql STABLE ROWS 1 AS $$
BEGIN
  RETURN QUERY
  SELECT d::date FROM generate_series(greatest(p_from, absence_live_from(p_today))::timestamp, least(p_to, p_today)::timestamp, interval '1 day') AS d;
END $$;
