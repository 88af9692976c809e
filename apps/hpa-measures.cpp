// hpa-measures: the response measures of a tier, cumulative, each with its department.
#include <fmt/format.h>

#include "hpa/io/episode_format.hpp"
#include "hpa/io/output.hpp"
#include "hpa/measures.hpp"
#include "tool.hpp"

using namespace hpa;

int main(int argc, char** argv) {
  CLI::App app;
  tool::describe(
      app, "hpa-measures", "List the response measures of a tier, each with its responsible department.",
      "The measures of the plan (§4.2.2-§4.2.4, city level §4.3) are cumulative: tier II takes\n"
      "tier III's and adds its own, tier I takes tier II's. --level names the warning instead of\n"
      "the tier (yellow = III, orange = II, red = I, by the profile). The tier-I school rule\n"
      "applies when the daily AQI reaches 500: with --daily-aqi below that it is left out,\n"
      "without --daily-aqi it is listed with its condition.");
  std::string tier, level, lang = "zh", format = "text", output, profile_name = "pingdingshan-2023";
  double daily = -1;
  app.add_option("--tier", tier, "III, II or I")->check(CLI::IsMember({"III", "II", "I"}));
  app.add_option("--level", level, "A warning level of the profile (yellow, orange, red)");
  app.add_option("--daily-aqi", daily, "The daily AQI, for measures that depend on it");
  app.add_option("--lang", lang, "zh or en")->check(CLI::IsMember({"zh", "en"}))->capture_default_str();
  app.add_option("-f,--format", format, "text, json or csv")->check(CLI::IsMember({"text", "json", "csv"}))->capture_default_str();
  app.add_option("--profile", profile_name, "Built-in profile name or JSON file")->capture_default_str();
  app.add_option("-o,--output", output, "Write to FILE (whole or not at all)");
  return tool::run(app, argc, argv, [&] {
    if (tier.empty() == level.empty()) throw CLI::ValidationError("--tier/--level", "give exactly one of --tier and --level");
    if (!level.empty()) {
      tool::common_options o;
      o.profile = profile_name;
      const auto p = tool::load(o);
      const auto l = p.find_level(level);
      if (!l || *l == 0) throw CLI::ValidationError("--level", "no level '" + level + "' in profile " + p.name);
      tier = p.level_tier(*l);
    }
    std::vector<measure> list;
    for (auto& m : measures_for(tier))
      if (m.min_daily_aqi == 0 || daily < 0 || daily >= m.min_daily_aqi) list.push_back(std::move(m));
    const bool zh = lang == "zh";
    auto condition = [&](const measure& m) -> std::string {
      if (m.min_daily_aqi == 0 || daily >= 0) return "";
      return zh ? fmt::format("（日AQI达到{}时）", io::format_number(m.min_daily_aqi))
                : fmt::format(" (when the daily AQI reaches {})", io::format_number(m.min_daily_aqi));
    };
    io::output out(output);
    if (format == "json") {
      auto all = nlohmann::ordered_json::array();
      for (const auto& m : list)
        all.push_back({{"tier", m.tier}, {"section", m.section}, {"kind", m.kind},
                       {"department", zh ? m.dept_zh : m.dept_en}, {"measure", zh ? m.text_zh : m.text_en},
                       {"min_daily_aqi", m.min_daily_aqi > 0 ? nlohmann::ordered_json(m.min_daily_aqi) : nlohmann::ordered_json(nullptr)}});
      out << all.dump(2) << "\n";
    } else if (format == "csv") {
      out << "tier,section,kind,department,measure\n";
      for (const auto& m : list)
        out << fmt::format("{},{},{},{},{}\n", m.tier, m.section, m.kind, io::csv_field(zh ? m.dept_zh : m.dept_en),
                           io::csv_field((zh ? m.text_zh : m.text_en) + condition(m)));
    } else {
      out << (zh ? fmt::format("{}级应急响应措施（{}项，逐级累加）\n", tier, list.size())
                 : fmt::format("Tier {} response: {} measures (cumulative)\n", tier, list.size()));
      for (const auto& m : list) {
        out << fmt::format("{:<10} [{} {}] {}: {}{}\n", m.section, m.tier, m.kind, zh ? m.dept_zh : m.dept_en,
                           zh ? m.text_zh : m.text_en, condition(m));
      }
    }
    out.commit();
  });
}
