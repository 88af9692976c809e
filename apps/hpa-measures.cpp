// hpa-measures: the response measures of a tier, cumulative, each with its department.
#include <fmt/format.h>

#include <optional>

#include "hpa/io/output.hpp"
#include "hpa/measures.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {

const tool::spec spec = {"hpa-measures",
                         "List the response measures of a tier, each with its responsible department.",
                         "The measures are the profile's: pingdingshan-2023 (the default, and the profiles that\n"
                         "extend it) lists those of its plan (§4.2.2-§4.2.4, city level §4.3); the other built-ins\n"
                         "list none, and a tier without measures says so (on stderr for csv and json). They are\n"
                         "cumulative: tier II takes tier III's and adds its own, tier I takes tier II's. --level\n"
                         "names the warning instead of the tier (yellow = III, orange = II, red = I, by the\n"
                         "profile). The tier-I school rule applies when the daily AQI reaches 500: with --daily-aqi\n"
                         "below that it is left out, without --daily-aqi it is listed with its condition.\n"
                         "--daily-aqi runs from 0 to the profile's max_aqi (500).",
                         tool::takes::output | tool::takes::profile | tool::takes::quiet | tool::takes::format,
                         {io::format::text, io::format::csv, io::format::json, io::format::jsonl}};

struct args {
  tool::common common;
  std::string tier, level, lang = "zh";
  std::optional<double> daily;
};

void options(CLI::App& app, args& a) {
  app.add_option("--tier", a.tier, "A response tier of the profile (III, II, I)");
  app.add_option("--level", a.level, "A warning level of the profile (yellow, orange, red)");
  app.add_option_function<double>(
      "--daily-aqi", [&a](double v) { a.daily = v; },
      "The daily AQI (0 to the profile's max_aqi), for measures that depend on it");
  app.add_option("--lang", a.lang, "zh or en")->check(CLI::IsMember({"zh", "en"}))->capture_default_str();
}

// The tier asked for, by --tier or by the profile's --level.
std::string tier_of(const args& a, const profile& p) {
  if (a.tier.empty() == a.level.empty())
    throw CLI::ValidationError("--tier/--level", "give exactly one of --tier and --level");
  if (a.level.empty()) {
    std::string tiers;
    for (const auto& l : p.levels) {
      if (l.tier == a.tier) return a.tier;
      tiers += (tiers.empty() ? "" : ", ") + l.tier;
    }
    throw CLI::ValidationError("--tier", "no tier '" + a.tier + "' in profile " + p.name + " (" + tiers + ")");
  }
  const auto l = p.find_level(a.level);
  if (!l || *l == 0) throw CLI::ValidationError("--level", "no level '" + a.level + "' in profile " + p.name);
  return p.level_tier(*l);
}

// A daily AQI off the profile's scale would pick measures for air that cannot be (-5 listed
// the measure of AQI 500).
void check_daily(const args& a, const profile& p) {
  if (a.daily && !(*a.daily >= 0 && *a.daily <= p.max_aqi))
    throw CLI::ValidationError("--daily-aqi",
                               fmt::format("must be a daily AQI from 0 to {} (the max_aqi of profile {}), got {}",
                                           io::format_number(p.max_aqi), p.name, *a.daily));
}

int run(const args& a, tool::context& cx) {
  const auto& p = cx.profile();
  const auto tier = tier_of(a, p);
  check_daily(a, p);
  const auto all = measures_for(p, tier);
  std::vector<measure> list;
  for (const auto& m : all)
    if (m.min_daily_aqi == 0 || !a.daily || *a.daily >= m.min_daily_aqi) list.push_back(m);
  const bool zh = a.lang == "zh";
  const auto none = zh ? fmt::format("预案配置 {} 未列出{}级应急响应措施", p.name, tier)
                       : fmt::format("Profile {} lists no tier {} measures", p.name, tier);
  auto condition = [&](const measure& m) -> std::string {
    if (m.min_daily_aqi == 0 || a.daily) return "";
    return zh ? fmt::format("（日AQI达到{}时）", io::format_number(m.min_daily_aqi))
              : fmt::format(" (when the daily AQI reaches {})", io::format_number(m.min_daily_aqi));
  };
  io::output out(cx.options().output);
  if (all.empty() && cx.options().format == io::format::text) {
    out << none << "\n";
  } else if (cx.options().format == io::format::text) {
    out << (zh ? fmt::format("{}级应急响应措施（{}项，逐级累加）\n", tier, list.size())
               : fmt::format("Tier {} response: {} measures (cumulative)\n", tier, list.size()));
    for (const auto& m : list)
      out << fmt::format("{:<10} [{} {}] {}: {}{}\n", m.section, m.tier, m.kind, zh ? m.dept_zh : m.dept_en,
                         zh ? m.text_zh : m.text_en, condition(m));
  } else {
    if (all.empty()) cx.warn(none);
    using io::field;
    io::record_writer rows(
        out, cx.options().format,
        {{"tier"}, {"section"}, {"kind"}, {"department"}, {"measure"}, {"min_daily_aqi", io::column_in::json_only}});
    for (const auto& m : list) {
      const auto& text = zh ? m.text_zh : m.text_en;
      rows.write({field::string(m.tier), field::string(m.section), field::string(m.kind),
                  field::string(zh ? m.dept_zh : m.dept_en), field::custom(io::csv_field(text + condition(m)), text),
                  m.min_daily_aqi > 0 ? field::number(m.min_daily_aqi) : field::number(no_value)});
    }
    rows.finish();
  }
  out.commit();
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
