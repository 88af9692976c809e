#include "hpa/time.hpp"

#include <catch2/catch.hpp>

using namespace hpa;

TEST_CASE("time: the accepted forms of an hour", "[time]") {
  const hour_t expected = days_from_civil(2023, 12, 1) * 24 + 8;
  for (const char* s : {"2023-12-01T08:00", "2023-12-01 08:00", "2023-12-01T08", "2023-12-01T08:00:00"}) {
    INFO(s);
    const auto r = parse_time(s);
    REQUIRE(r);
    CHECK(r.hour == expected);
    CHECK_FALSE(r.date_only);
  }
  const auto d = parse_time("2023-12-01");
  REQUIRE(d);
  CHECK(d.date_only);
  CHECK(d.hour == days_from_civil(2023, 12, 1) * 24);
}

TEST_CASE("time: dates that do not exist and other forms are refused", "[time]") {
  CHECK(std::string(parse_time("2023-02-29T00:00").error) == "day out of range for the month");
  CHECK(parse_time("2024-02-29T00:00"));
  CHECK(std::string(parse_time("2023-12-01T24:00").error) == "hour out of range (00-23)");
  CHECK(std::string(parse_time("2023-12-01T08:30").error) == "time is not on the hour");
  CHECK(std::string(parse_time("01/12/2023").error) == "expected a date as YYYY-MM-DD");
  CHECK(std::string(parse_time("2023-13-01").error) == "month out of range");
  CHECK(parse_time("2023-12-01X08").error_offset == 10);
}

TEST_CASE("time: formatting round-trips, before and after 1970", "[time]") {
  for (const char* s : {"2023-12-01T08:00", "1969-12-31T23:00", "2000-02-29T00:00", "2016-12-31T23:00"}) {
    INFO(s);
    CHECK(format_time(parse_time(s).hour) == s);
  }
  CHECK(format_date(parse_time("2023-12-01T08:00").hour) == "2023-12-01");
}

TEST_CASE("time: the readable form has a space for the T", "[time]") {
  CHECK(format_time_readable(parse_time("2023-12-14T02:00").hour) == "2023-12-14 02:00");
}

TEST_CASE("time: years 0001 to 9999 only", "[time]") {
  const auto zero = parse_time("0000-01-01T00:00");
  REQUIRE_FALSE(zero);
  CHECK(std::string(zero.error) == "year out of range (0001-9999)");
  CHECK(zero.error_offset == 0);
  CHECK_FALSE(parse_time("0000-12-31"));
  for (const char* s : {"0001-01-01T00:00", "9999-12-31T23:00", "1582-10-10T00:00"}) {
    INFO(s);
    REQUIRE(parse_time(s));
    CHECK(format_time(parse_time(s).hour) == s);
  }
  CHECK(std::string(parse_time("10000-01-01").error) == "expected a date as YYYY-MM-DD");
}

TEST_CASE("time: hours far outside the data still print as times", "[time]") {
  const hour_t first = parse_time("0001-01-01T00:00").hour;
  CHECK(format_time(first - 48) == "0000-12-30T00:00");
  CHECK(format_time(first - 24 * 366 - 48) == "-0001-12-30T00:00");
  CHECK(format_time(parse_time("9999-12-31T23:00").hour + 1) == "10000-01-01T00:00");
  CHECK(format_time(first - 2147483647).find('/') == std::string::npos);
}

TEST_CASE("time: a UTC offset after the time is converted to the plan's clock (UTC+8)", "[time]") {
  const hour_t eight = days_from_civil(2023, 12, 1) * 24 + 8;
  for (const char* s : {"2023-12-01T08:00+08:00", "2023-12-01T00:00Z", "2023-12-01T00:00:00Z", "2023-12-01 00:00+0000",
                        "2023-12-01T00+00", "2023-11-30T19:00-05:00", "2023-12-01T05:30+05:30"}) {
    INFO(s);
    const auto r = parse_time(s);
    REQUIRE(r);
    CHECK(r.hour == eight);
    CHECK(r.has_offset);
  }
  CHECK(parse_time("2023-12-01T23:00Z").hour == eight + 23);  // 07:00 the next day in the plan's clock
  CHECK_FALSE(parse_time("2023-12-01T08:00").has_offset);
}

TEST_CASE("time: a time without an offset is read in the clock the input says", "[time]") {
  const hour_t eight = days_from_civil(2023, 12, 1) * 24 + 8;
  CHECK(parse_time("2023-12-01T00:00", 0).hour == eight);
  CHECK(parse_time("2023-12-01T08:00", plan_utc_offset_minutes).hour == eight);
  CHECK(parse_time("2023-12-01T08:00+08:00", 0).hour == eight);                  // its own offset counts
  CHECK(parse_time("2023-12-01", 0).hour == days_from_civil(2023, 12, 1) * 24);  // a date is a calendar day
  CHECK(std::string(parse_time("2023-12-01T08:00", 5 * 60 + 30).error) ==
        "time is not on the hour of the plan's clock (UTC+8)");
}

TEST_CASE("time: offsets that are not offsets are refused where they start", "[time]") {
  CHECK(std::string(parse_time("2023-12-01T08:00+8").error) == "expected a UTC offset as Z, +HH:MM or +HHMM");
  CHECK(parse_time("2023-12-01T08:00+8").error_offset == 16);
  CHECK(std::string(parse_time("2023-12-01T08:00+15:00").error) == "UTC offset out of range (-14:00 to +14:00)");
  CHECK(std::string(parse_time("2023-12-01T08:00Zulu").error) == "unexpected text after the time");
  CHECK(std::string(parse_time("2023-12-01T08:00 CST").error) == "unexpected text after the time");
  CHECK(std::string(parse_time("2023-12-01T08x").error) == "expected minutes as :MM");
  CHECK(std::string(parse_time("2023-12-01T08:00:30").error) == "time is not on the hour");
  CHECK(std::string(parse_time("2023-12-01T08:00+05:30").error) ==
        "time is not on the hour of the plan's clock (UTC+8)");
  const auto o = parse_utc_offset("-03:30");
  REQUIRE(o);
  CHECK(o.minutes == -210);
  CHECK(o.length == 6);
  CHECK(parse_utc_offset("+0545").minutes == 345);
  CHECK(parse_utc_offset("Z").minutes == 0);
}
