// The umbrella header compiles on its own and carries the whole pipeline.
#include "hpa/hpa.hpp"

#include <catch2/catch.hpp>

TEST_CASE("hpa: the umbrella header exposes every concept", "[hpa]") {
  const auto p = hpa::pingdingshan_2023();
  const auto d = hpa::daily_aqi(std::vector<double>(72, 250.0), p);
  const auto c = hpa::condition_levels(d, 0, p);
  std::vector<hpa::level_t> l;
  for (const auto& x : c) l.push_back(x.level);
  const auto e = hpa::episodes_of(l, 0, p);
  REQUIRE(e.size() == 1);
  CHECK(p.level_name(e[0].level) == "orange");  // 72 h of 250: the 2-chains over 200 from hour 19
  CHECK(hpa::version_major == 0);
}
