// hpa-reduce: do the counties' emission-reduction lists reach the required ratios (§4.2.1)?
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "hpa/io/output.hpp"
#include "hpa/io/reduction_io.hpp"
#include "hpa/reduction.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {
std::string pct(double share) { return io::format_number(share * 100, 2) + " %"; }
std::string tonnes(double t) { return io::format_number(t, 3); }
}  // namespace

int main(int argc, char** argv) {
  tool::common_options o;
  std::string totals_path, exceptions_path, units, so2_nox, format = "text", table = "checks";
  CLI::App app;
  tool::describe(
      app, "hpa-reduce", "Check the counties' emission-reduction lists against the required ratios.",
      "For each county and city-wide, each tier (III, II, I) and each pollutant (SO2, NOx, PM,\n"
      "VOCs): the list's cut, its share of the society-wide total, the required share (10/20/30 %\n"
      "by the profile), pass / fail / granted exception, and the shortfall in tonnes per day.\n"
      "SO2 and NOx trade by the profile's reading (--so2-nox: ratio_sum, tonnage or each).\n"
      "Findings name the rows: power plants, heating boilers or small/micro enterprises stopped\n"
      "or curtailed, protected enterprises below grade B, grade-A enterprises given mandatory cuts,\n"
      "missing list parts, missing plan fields, cuts above the baseline, cuts that shrink from\n"
      "tier III to tier I.\n"
      "Input: the sources CSV with --totals (and --exceptions), or one JSON document. Emission\n"
      "columns state their unit in the header (so2 [t/a]) or with --units; t/a is divided by 365.\n"
      "Exit codes: 0 every requirement met, 3 a requirement fails, 1 data or I/O error, 2 usage.");
  tool::add_common(app, o);
  app.add_option("--totals", totals_path, "CSV of society-wide emissions: county,so2,nox,pm,vocs");
  app.add_option("--exceptions", exceptions_path, "CSV of granted lower ratios: county,tier,pollutant,ratio,justification");
  app.add_option("--units", units, "t/d or t/a, for columns whose header states none")->check(CLI::IsMember({"t/d", "t/a"}));
  app.add_option("--so2-nox", so2_nox, "ratio_sum, tonnage or each (default: the profile's)")->check(CLI::IsMember({"ratio_sum", "tonnage", "each"}));
  app.add_option("-f,--format", format, "text, csv or json")->check(CLI::IsMember({"text", "csv", "json"}))->capture_default_str();
  app.add_option("--table", table, "with csv: checks or findings")->check(CLI::IsMember({"checks", "findings"}))->capture_default_str();
  bool failed = false;
  const int rc = tool::run(app, argc, argv, [&] {
    auto p = tool::load(o);
    if (!so2_nox.empty())
      from_string(so2_nox, p.reduction.so2_nox);  // the option's values are checked by CLI11
    auto in = tool::open_input(o.input);
    io::reduction_input list;
    const bool json = in.name.size() > 5 && in.name.substr(in.name.size() - 5) == ".json";
    if (json || in.stream->peek() == '{') {
      std::stringstream ss;
      ss << in.stream->rdbuf();
      list = io::read_reduction_json(ss.str(), in.name);
    } else {
      if (totals_path.empty()) throw CLI::ValidationError("--totals", "a sources CSV needs --totals FILE (or give one JSON document)");
      list.sources = io::read_sources_csv(*in.stream, in.name, units);
      auto t = tool::open_input(totals_path);
      list.totals = io::read_totals_csv(*t.stream, t.name, units);
      if (!exceptions_path.empty()) {
        auto x = tool::open_input(exceptions_path);
        list.exceptions = io::read_exceptions_csv(*x.stream, x.name);
      }
    }
    for (const auto& s : list.sources)
      if (!list.totals.count(s.county))
        throw error(location{in.name, s.line, 0}, "county '" + s.county + "' has no row in the totals");
    const auto result = check_reductions(list.totals, list.sources, list.exceptions, p.reduction);
    failed = result.failed();
    const char* reading = to_string(p.reduction.so2_nox);
    auto where = [&](const finding& f) {
      return f.line ? fmt::format("{}:{}", in.name, f.line) : f.id.empty() ? f.county : in.name + " id " + f.id;
    };

    io::output out(o.output);
    if (format == "json") {
      auto checks = nlohmann::ordered_json::array(), findings = nlohmann::ordered_json::array();
      for (const auto& c : result.checks)
        checks.push_back({{"county", c.county.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.county)},
                          {"tier", c.tier}, {"pollutant", c.what}, {"cut_t_d", c.cut}, {"total_t_d", c.total},
                          {"share", c.share}, {"required", c.required}, {"status", to_string(c.status)},
                          {"shortfall_t_d", c.shortfall}, {"note", c.note}});
      for (const auto& f : result.findings)
        findings.push_back({{"severity", to_string(f.severity)}, {"county", f.county}, {"id", f.id}, {"line", f.line},
                            {"rule", f.rule}, {"text", f.text}});
      nlohmann::ordered_json j = {{"so2_nox", reading}, {"failed", failed}, {"checks", checks}, {"findings", findings}};
      out << j.dump(2) << "\n";
    } else if (format == "csv" && table == "checks") {
      out << "county,tier,pollutant,cut_t_d,total_t_d,share,required,status,shortfall_t_d,note\n";
      for (const auto& c : result.checks)
        out << fmt::format("{},{},{},{},{},{},{},{},{},{}\n", io::csv_field(c.county.empty() ? "city" : c.county), c.tier,
                           c.what, tonnes(c.cut), tonnes(c.total), io::format_number(c.share, 4),
                           io::format_number(c.required, 4), to_string(c.status), tonnes(c.shortfall), io::csv_field(c.note));
    } else if (format == "csv") {
      out << "severity,county,id,line,rule,finding\n";
      for (const auto& f : result.findings)
        out << fmt::format("{},{},{},{},{},{}\n", to_string(f.severity), io::csv_field(f.county), io::csv_field(f.id),
                           f.line ? std::to_string(f.line) : "", f.rule, io::csv_field(f.text));
    } else {
      out << fmt::format("Emission-reduction lists (§4.2.1), profile {}: required III {}, II {}, I {} of society-wide "
                         "emissions; SO2/NOx reading: {}.\n",
                         p.name, pct(p.reduction.required.at("III")), pct(p.reduction.required.at("II")),
                         pct(p.reduction.required.at("I")), reading);
      std::vector<std::string> areas;
      for (const auto& [county, e] : list.totals) areas.push_back(county);
      areas.push_back("");
      int failing = 0;
      for (const auto& area : areas) {
        bool bad = false;
        for (const auto& c : result.checks) bad |= c.county == area && c.status == check_status::fail;
        for (const auto& f : result.findings) bad |= !area.empty() && f.county == area && f.severity == finding_severity::fail;
        failing += bad && !area.empty();
        out << fmt::format("\n{}: {}\n", area.empty() ? "City-wide" : area, bad ? "FAIL" : "PASS");
        out << fmt::format("  {:<5} {:<8} {:>10} {:>11} {:>9} {:>9}  {:<9} {:>10}\n", "tier", "", "cut t/d", "total t/d",
                           "share", "required", "status", "short t/d");
        for (const auto& c : result.checks) {
          if (c.county != area) continue;
          auto row = fmt::format("  {:<5} {:<8} {:>10} {:>11} {:>9} {:>9}  {:<9} {:>10}{}", c.tier, c.what, tonnes(c.cut),
                                 tonnes(c.total), pct(c.share), pct(c.required), to_string(c.status),
                                 c.shortfall > 0 ? tonnes(c.shortfall) : "", c.note.empty() || c.status == check_status::info ? "" : "  " + c.note);
          row.erase(row.find_last_not_of(' ') + 1);
          out << row << "\n";
        }
        for (const auto& f : result.findings)
          if (!area.empty() && f.county == area)
            out << fmt::format("  [{}] {} {}: {}\n", to_string(f.severity), where(f), f.rule, f.text);
      }
      out << fmt::format("\n{} of {} counties fail.\n", failing, list.totals.size());
    }
    out.commit();
  });
  return rc == 0 && failed ? 3 : rc;
}
