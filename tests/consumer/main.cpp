// Links the installed headers, hpa::io and hpa::plot: RULES.md example 6, three days to red.
#include <hpa/hpa.hpp>
#include <hpa/io/profile_json.hpp>
#include <hpa/plot/svg.hpp>

#include <cstdio>

int main() {
  const auto p = hpa::io::load_profile("pingdingshan-2023");
  std::vector<hpa::level_t> c(72, 3);
  c.resize(200, 0);
  const auto e = hpa::episodes_of(c, 0, p);
  std::printf("%s %s\n", p.level_name(e.at(0).level).c_str(), hpa::format_time(*e.at(0).lift).c_str());
  return e.size() == 1 && e[0].level == 3 && hpa::plot::svg::num(12.5) == "12.5" ? 0 : 1;
}
