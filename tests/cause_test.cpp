#include "hpa/cause.hpp"

#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace hpa;
using namespace hpa::test;

TEST_CASE("cause: dust is outside the plan, ozone gets an advisory (§1.3)", "[cause]") {
  const auto p = pingdingshan_2023();
  CHECK(cause_gate(p, " Dust ", "").kind == exclusion::outside_plan);
  CHECK(cause_gate(p, "dust", "O3").why == "dust");  // a cause wins over a primary pollutant
  CHECK(cause_gate(p, "", "o3_8h").kind == exclusion::advisory);
  CHECK(cause_gate(p, "", "臭氧").why == "臭氧");
  CHECK_FALSE(cause_gate(p, "", "PM2.5"));
  CHECK_FALSE(cause_gate(p, "dusty", ""));        // a cause is matched whole
  CHECK_FALSE(cause_gate(mee_2017(), "", "O3"));  // a profile without advisory pollutants
}

TEST_CASE("cause: the status of a withheld warning and the runs behind it", "[cause]") {
  const std::vector<excluded_run> runs = {{5, 70, "dust", exclusion::outside_plan},
                                          {100, 110, "O3", exclusion::advisory}};
  std::vector<excluded_run> behind;
  CHECK(withheld_status(10, 80, runs, 24, behind) == episode_status::withheld);
  CHECK(behind == std::vector<excluded_run>{runs[0]});
  CHECK(withheld_status(120, 130, runs, 24, behind) == episode_status::advisory);  // a window reaches back to 97
  CHECK(behind == std::vector<excluded_run>{runs[1]});
  CHECK(withheld_status(10, 130, runs, 24, behind) == episode_status::withheld);
  CHECK(behind.size() == 2);
  episode_status st{};
  CHECK(from_string("advisory", st));
  CHECK(st == episode_status::advisory);
  CHECK_FALSE(from_string("Advisory", st));
}

namespace {
// Hourly AQI 80, with `value` over hours [from, to] flagged by `gate` where `flagged` holds.
collect run_gated(double value, hour_t from, hour_t to, gate_result gate, hour_t flag_from, hour_t flag_to) {
  const auto p = pingdingshan_2023();
  const rule_set rules(p);
  collect out;
  station_pipeline<collect> pipe(p, rules, 0, series_kind::hourly);
  for (hour_t h = 0; h < 300; ++h)
    pipe.push(h, h >= from && h <= to ? value : 80, h >= flag_from && h <= flag_to ? gate : gate_result{}, out);
  pipe.finish(out);
  return out;
}
}  // namespace

TEST_CASE("cause: forty years with an ozone-driven hour a day hold no more than the last episodes", "[cause]") {
  // memory flat with a primary column: what the withheld check keeps is let go as episodes settle
  const auto p = pingdingshan_2023();
  const rule_set rules(p);
  const gate_result ozone{exclusion::advisory, p.advisory_pollutants[0]};
  collect out;
  station_pipeline<collect> pipe(p, rules, 0, series_kind::hourly);
  std::size_t most = 0, most_first_year = 0;
  for (hour_t t = 0; t < 40 * 8760; ++t) {
    const bool episode = t % (30 * 24) < 5 * 24;  // five days over 200 a month: a warning each time
    pipe.push(t, episode ? 260 : 60, t % 24 == 14 ? ozone : gate_result{}, out);
    most = std::max(most, pipe.held());
    if (t < 8760) most_first_year = most;
  }
  pipe.finish(out);
  CHECK(out.episodes.size() > 400);
  CHECK(most == most_first_year);  // the first year's most, never more
  CHECK(most < 20);                // a month's episode and its ozone hours
}

TEST_CASE("cause: the pipeline reports the warnings excluded hours kept back", "[cause]") {
  const auto p = pingdingshan_2023();
  const gate_result dust{exclusion::outside_plan, p.excluded_causes[0]};
  const gate_result ozone{exclusion::advisory, p.advisory_pollutants[0]};
  SECTION("dust: withheld, with the dust hours") {
    const auto c = run_gated(260, 50, 130, dust, 50, 130);
    REQUIRE(c.episodes.size() == 1);
    CHECK(c.episodes[0].status == episode_status::withheld);
    CHECK(c.episodes[0].excluded == std::vector<excluded_run>{{50, 130, "dust", exclusion::outside_plan}});
    CHECK_FALSE(c.episodes[0].warns());
  }
  SECTION("ozone: an advisory") {
    const auto c = run_gated(260, 50, 130, ozone, 50, 130);
    REQUIRE(c.episodes.size() == 1);
    CHECK(c.episodes[0].status == episode_status::advisory);
  }
  SECTION("a warning over the same hours: nothing was withheld") {
    const auto c = run_gated(260, 50, 130, dust, 120, 130);
    REQUIRE(c.episodes.size() == 1);
    CHECK(c.episodes[0].warns());
  }
  SECTION("no excluded hour: one run only, the same episodes") {
    const auto c = run_gated(260, 50, 130, dust, -1, -1);
    REQUIRE(c.episodes.size() == 1);
    CHECK(c.episodes[0].warns());
  }
}
