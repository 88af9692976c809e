#include "hpa/time_layout.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace hpa;

namespace {
time_layout layout(const char* pattern) {
  const auto r = time_layout::compile(pattern);
  REQUIRE(r);
  return r.layout;
}
}  // namespace

TEST_CASE("time_layout: a spreadsheet's 2023/12/1 8:00", "[time_layout]") {
  const auto l = layout("%Y/%m/%d %H:%M");
  const hour_t eight = days_from_civil(2023, 12, 1) * 24 + 8;
  for (const char* s : {"2023/12/1 8:00", "2023/12/01 08:00", "2023/12/1 08:00"}) {
    INFO(s);
    const auto r = l.parse(s);
    REQUIRE(r);
    CHECK(r.hour == eight);
    CHECK_FALSE(r.date_only);
  }
  CHECK(l.parse("2023/12/1 23:00").hour == eight + 15);
  CHECK_FALSE(l.is_iso());
  CHECK_FALSE(l.date_only());
}

TEST_CASE("time_layout: the text must match the layout", "[time_layout]") {
  const auto l = layout("%Y/%m/%d %H:%M");
  CHECK(std::string(l.parse("2023-12-01 08:00").error) == "the text does not match the time layout");
  CHECK(l.parse("2023-12-01 08:00").error_offset == 4);
  CHECK(std::string(l.parse("2023/12/1 8:30").error) == "time is not on the hour");
  CHECK(std::string(l.parse("2023/2/29 8:00").error) == "day out of range for the month");
  CHECK(std::string(l.parse("2023/12/1 24:00").error) == "hour out of range (00-23)");
  CHECK(std::string(l.parse("2023/12/1 8:00:00").error) == "unexpected text after the time");
  CHECK(std::string(l.parse("23/12/1 8:00").error) == "expected the year as 4 digits");
  CHECK(std::string(l.parse("").error) == "expected the year as 4 digits");
  CHECK(std::string(l.parse("2023/12/ 8:00").error) == "expected the day");
}

TEST_CASE("time_layout: dates, 12-hour clocks, seconds and offsets", "[time_layout]") {
  const hour_t day = days_from_civil(2023, 12, 1) * 24;
  const auto d = layout("%d.%m.%Y");
  CHECK(d.date_only());
  CHECK(d.parse("1.12.2023").hour == day);
  CHECK(d.parse("1.12.2023").date_only);
  const auto us = layout("%m/%d/%Y %I:%M %p");
  CHECK(us.parse("12/1/2023 8:00 AM").hour == day + 8);
  CHECK(us.parse("12/1/2023 12:00 AM").hour == day);
  CHECK(us.parse("12/1/2023 12:00 pm").hour == day + 12);
  CHECK(us.parse("12/1/2023 8:00 PM").hour == day + 20);
  CHECK(std::string(us.parse("12/1/2023 13:00 PM").error) == "hour out of range (1-12 with AM or PM)");
  CHECK(std::string(us.parse("12/1/2023 8:00 XM").error) == "expected AM or PM");
  const auto utc = layout("%Y%m%d%H%M%S%z");
  CHECK(utc.parse("20231201000000Z").hour == day + 8);
  CHECK(utc.parse("20231201080000+0800").hour == day + 8);
  const auto naive = layout("%Y-%m-%d %H:%M");
  CHECK(naive.parse("2023-12-01 00:00", 0).hour == day + 8);  // read as UTC
  CHECK(layout("100%% %Y-%m-%d").parse("100% 2023-12-01").hour == day);
}

TEST_CASE("time_layout: patterns that are not layouts", "[time_layout]") {
  auto error = [](const char* p) {
    const auto r = time_layout::compile(p);
    return r ? std::string() : std::string(r.error);
  };
  CHECK(error("%Y/%m/%d %H:%M") == "");
  CHECK(error("%Y/%m") == "a layout needs %Y, %m and %d");
  CHECK(error("%Y/%m/%d %k") == "unknown directive: the layout takes %Y %m %d %H %M %S %I %p %z and %%");
  CHECK(time_layout::compile("%Y/%m/%d %k").error_offset == 9);
  CHECK(error("%Y/%m/%d %H %H") == "directive given twice");
  CHECK(error("%Y/%m/%d %I:%M") == "%I (hour 1-12) goes with %p (AM or PM)");
  CHECK(error("%Y/%m/%d %H %I %p") == "%H and %I both give the hour: use one");
  CHECK(error("%Y/%m/%d %M") == "minutes, seconds or %z without an hour");
  CHECK(error("%Y/%m/%d %") == "a '%' ends the layout: write %% for a percent sign");
  CHECK(error("%Y/%m/%d                                  ") ==
        "layout too long (at most 32 directives and characters)");
}

TEST_CASE("time_layout: the default layout is hpa's own", "[time_layout]") {
  constexpr time_layout iso;
  static_assert(iso.is_iso());
  CHECK(iso.parse("2023-12-01T08:00").hour == parse_time("2023-12-01T08:00").hour);
  static_assert(time_layout::compile("%Y/%m/%d %H:%M").layout.parse("2023/12/1 8:00").hour ==
                days_from_civil(2023, 12, 1) * 24 + 8);
}
