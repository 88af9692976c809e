// hpa as a library: the warning episodes of an hourly AQI series held in memory, in one call.
#include <hpa/hpa.hpp>

#include <cstdio>
#include <vector>

int main() {
  const auto p = hpa::pingdingshan_2023();
  const hpa::hour_t first = hpa::parse_time("2023-12-01T00:00").hour;
  std::vector<double> hourly(24 * 10, 80);  // ten days of hourly AQI (NaN = a missing hour)
  for (int h = 48; h < 48 + 96; ++h) hourly[h] = h < 72 || h >= 96 ? 260 : 340;  // four heavy days
  for (const auto& e : hpa::episodes(hourly, first, p))
    std::printf("%s warning %s .. %s, lifted %s, peak daily AQI %.0f\n  because %s\n", p.level_name(e.level).c_str(),
                hpa::format_time(e.start).c_str(), hpa::format_time(e.end).c_str(),
                e.lift ? hpa::format_time(*e.lift).c_str() : "(pending)", e.max_daily_aqi,
                hpa::describe(e.trigger.cond).c_str());
}
