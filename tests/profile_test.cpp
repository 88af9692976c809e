#include "hpa/profile.hpp"

#include <catch2/catch.hpp>

using namespace hpa;

TEST_CASE("profile: the Pingdingshan 2023 grading (§3.2.1, §4.1)", "[profile]") {
  const auto p = pingdingshan_2023();
  REQUIRE(p.levels.size() == 3);
  CHECK(p.level_name(0) == "none");
  CHECK(p.level_name(1) == "yellow");
  CHECK(p.level_tier(3) == "I");
  CHECK(p.levels[0].any_of[1].main.over.value == 150);
  CHECK(p.levels[0].any_of[1].main.hours == 48);
  CHECK(p.lift_hours == 36);
  CHECK(p.lead_hours == 48);
  CHECK(p.min_valid_hours == 20);
  CHECK(p.find_level("orange") == level_t{2});
  CHECK_FALSE(p.find_level("purple"));
  CHECK(builtin_profiles().front().name == p.name);
}

TEST_CASE("profile: thresholds are strict unless inclusive", "[profile]") {
  CHECK_FALSE((threshold{200, false}.passed_by(200)));
  CHECK((threshold{200, false}.passed_by(200.01)));
  CHECK((threshold{500, true}.passed_by(500)));
  CHECK_FALSE((threshold{200, false}.passed_by(std::nan(""))));
}
