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

const tool::spec spec = {
    "hpa-reduce", "Check the counties' emission-reduction lists against the required ratios.",
    "For each county and city-wide, each tier (III, II, I) and each pollutant (SO2, NOx, PM,\n"
    "VOCs): the list's cut, its share of the society-wide total, the required share (10/20/30 %\n"
    "by the profile), pass / fail / granted exception, and the shortfall in tonnes per day.\n"
    "SO2 and NOx trade by the profile's reading (--so2-nox: ratio_sum, tonnage or each).\n"
    "Findings name the rows: power plants, heating boilers or small/micro enterprises stopped\n"
    "or curtailed, protected enterprises below grade B, grade-A enterprises given mandatory cuts,\n"
    "missing list parts, missing plan fields, cuts above the baseline, cuts that shrink from\n"
    "tier III to tier I.\n"
    "Input: the sources CSV with --totals (and --exceptions), or one JSON document. Emission\n"
    "columns state their unit in the header (so2 [t/a]) or with --units; t/a is divided by 365.",
    tool::takes::input | tool::takes::output | tool::takes::profile | tool::takes::quiet | tool::takes::format,
    {io::format::text, io::format::csv, io::format::json},
    "3 a requirement fails"};

struct args {
  tool::common common;
  std::string totals_path, exceptions_path, units, so2_nox, table = "checks";
};

void options(CLI::App& app, args& a) {
  app.add_option("--totals", a.totals_path, "CSV of society-wide emissions: county,so2,nox,pm,vocs");
  app.add_option("--exceptions", a.exceptions_path, "CSV of granted lower ratios: county,tier,pollutant,ratio,justification");
  app.add_option("--units", a.units, "t/d or t/a, for columns whose header states none")->check(CLI::IsMember({"t/d", "t/a"}));
  app.add_option("--so2-nox", a.so2_nox, "ratio_sum, tonnage or each (default: the profile's)")
      ->check(CLI::IsMember({"ratio_sum", "tonnage", "each"}));
  app.add_option("--table", a.table, "with csv: checks or findings")
      ->check(CLI::IsMember({"checks", "findings"}))
      ->capture_default_str();
}

int run(const args& a, tool::context& cx) {
  auto p = cx.profile();
  const std::string& so2_nox = a.so2_nox;
  const std::string& units = a.units;
  const std::string& totals_path = a.totals_path;
  const std::string& exceptions_path = a.exceptions_path;
  const std::string& table = a.table;
  const std::string format = io::to_string(cx.options().format);
  bool failed = false;
  if (!so2_nox.empty())
    p.reduction.so2_nox = so2_nox == "tonnage" ? so2_nox_rule::tonnage : so2_nox == "each" ? so2_nox_rule::each : so2_nox_rule::ratio_sum;
  auto in = cx.open_input();
  io::reduction_input list;
  const bool json = in.name.size() > 5 && in.name.substr(in.name.size() - 5) == ".json";
  if (json || in.stream->peek() == '{') {
    std::stringstream ss;
    ss << in.stream->rdbuf();
    list = io::read_reduction_json(ss.str(), in.name);
  } else {
    if (totals_path.empty()) throw CLI::ValidationError("--totals", "a sources CSV needs --totals FILE (or give one JSON document)");
    list.sources = io::read_sources_csv(*in.stream, in.name, units);
    auto t = cx.open(totals_path);
    list.totals = io::read_totals_csv(*t.stream, t.name, units);
    if (!exceptions_path.empty()) {
      auto x = cx.open(exceptions_path);
      list.exceptions = io::read_exceptions_csv(*x.stream, x.name);
    }
  }
  for (const auto& s : list.sources)
    if (!list.totals.count(s.county))
      throw error(location{in.name, s.line, 0}, "county '" + s.county + "' has no row in the totals");
  const auto result = check_reductions(list.totals, list.sources, list.exceptions, p.reduction);
  failed = result.failed();
  const char* reading = p.reduction.so2_nox == so2_nox_rule::ratio_sum ? "ratio_sum"
                        : p.reduction.so2_nox == so2_nox_rule::tonnage ? "tonnage" : "each";
  auto where = [&](const finding& f) {
    return f.line ? fmt::format("{}:{}", in.name, f.line) : f.id.empty() ? f.county : in.name + " id " + f.id;
  };

  io::output out(cx.options().output);
  if (format == "json") {
    auto checks = nlohmann::ordered_json::array(), findings = nlohmann::ordered_json::array();
    for (const auto& c : result.checks)
      checks.push_back({{"county", c.county.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.county)},
                        {"tier", c.tier}, {"pollutant", c.what}, {"cut_t_d", c.cut}, {"total_t_d", c.total},
                        {"share", c.share}, {"required", c.required}, {"status", c.status},
                        {"shortfall_t_d", c.shortfall}, {"note", c.note}});
    for (const auto& f : result.findings)
      findings.push_back({{"severity", f.severity}, {"county", f.county}, {"id", f.id}, {"line", f.line},
                          {"rule", f.rule}, {"text", f.text}});
    nlohmann::ordered_json j = {{"so2_nox", reading}, {"failed", failed}, {"checks", checks}, {"findings", findings}};
    out << j.dump(2) << "\n";
  } else if (format == "csv" && table == "checks") {
    out << "county,tier,pollutant,cut_t_d,total_t_d,share,required,status,shortfall_t_d,note\n";
    for (const auto& c : result.checks)
      out << fmt::format("{},{},{},{},{},{},{},{},{},{}\n", io::csv_field(c.county.empty() ? "city" : c.county), c.tier,
                         c.what, tonnes(c.cut), tonnes(c.total), io::format_number(c.share, 4),
                         io::format_number(c.required, 4), c.status, tonnes(c.shortfall), io::csv_field(c.note));
  } else if (format == "csv") {
    out << "severity,county,id,line,rule,finding\n";
    for (const auto& f : result.findings)
      out << fmt::format("{},{},{},{},{},{}\n", f.severity, io::csv_field(f.county), io::csv_field(f.id),
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
      for (const auto& c : result.checks) bad |= c.county == area && c.status == "fail";
      for (const auto& f : result.findings) bad |= !area.empty() && f.county == area && f.severity == "fail";
      failing += bad && !area.empty();
      out << fmt::format("\n{}: {}\n", area.empty() ? "City-wide" : area, bad ? "FAIL" : "PASS");
      out << fmt::format("  {:<5} {:<8} {:>10} {:>11} {:>9} {:>9}  {:<9} {:>10}\n", "tier", "", "cut t/d", "total t/d",
                         "share", "required", "status", "short t/d");
      for (const auto& c : result.checks) {
        if (c.county != area) continue;
        auto row = fmt::format("  {:<5} {:<8} {:>10} {:>11} {:>9} {:>9}  {:<9} {:>10}{}", c.tier, c.what, tonnes(c.cut),
                               tonnes(c.total), pct(c.share), pct(c.required), c.status,
                               c.shortfall > 0 ? tonnes(c.shortfall) : "", c.note.empty() || c.status == "info" ? "" : "  " + c.note);
        row.erase(row.find_last_not_of(' ') + 1);
        out << row << "\n";
      }
      for (const auto& f : result.findings)
        if (!area.empty() && f.county == area)
          out << fmt::format("  [{}] {} {}: {}\n", f.severity, where(f), f.rule, f.text);
    }
    out << fmt::format("\n{} of {} counties fail.\n", failing, list.totals.size());
  }
  out.commit();
  return failed ? 3 : 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
