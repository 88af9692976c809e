// hpa-reduce: do the counties' emission-reduction lists reach the required ratios (§4.2.1)?
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "hpa/io/output.hpp"
#include "hpa/io/reduction_io.hpp"
#include "hpa/io/table.hpp"
#include "hpa/reduction.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {

const tool::spec spec = {
    "hpa-reduce",
    "Check the counties' emission-reduction lists against the required ratios.",
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
    "Sources columns required: county, part, id, name, kind, grade, protected, so2, nox, pm, vocs\n"
    "and cut_so2_iii ... cut_vocs_i; optional: industry, measure_iii ..., stopped_lines_iii ...,\n"
    "key_indicators, prep_time, responsible, contact (the plan findings name missing ones);\n"
    "other columns are ignored with a warning. JSON keys are exact: tiers III, II, I; cuts so2,\n"
    "nox, pm, vocs. Warnings ask whether a unit is right: a cut above its baseline (30 for\n"
    "30%?), every share under 1 % (t/d labelled t/a), a county cutting more than its total.",
    tool::takes::input | tool::takes::output | tool::takes::profile | tool::takes::quiet | tool::takes::format,
    {io::format::text, io::format::csv, io::format::json, io::format::jsonl},
    "3 a requirement fails"};

struct args {
  tool::common common;
  std::string totals_path, exceptions_path, units, so2_nox, table = "checks";
};

std::string pct(double share) { return io::format_number(share * 100, 2) + " %"; }
std::string tonnes(double t) { return io::format_number(t, 3); }

// ---- Input ----

bool is_json(tool::input& in) {
  const bool named = in.name.size() > 5 && in.name.substr(in.name.size() - 5) == ".json";
  return named || in.stream->peek() == '{';
}

/// The list: one JSON document, or the sources CSV with --totals (and --exceptions).
io::reduction_input read_list(const tool::context& cx, tool::input& in, const args& o) {
  io::reduction_input list;
  if (is_json(in)) {
    std::stringstream ss;
    ss << in.stream->rdbuf();
    return io::read_reduction_json(ss.str(), in.name, cx.warner());
  }
  if (o.totals_path.empty())
    throw CLI::ValidationError("--totals", "a sources CSV needs --totals FILE (or give one JSON document)");
  auto t = cx.open(o.totals_path);  // first: the counties every other file refers to
  list.totals = io::read_totals_csv(*t.stream, t.name, o.units, cx.warner());
  list.sources = io::read_sources_csv(*in.stream, in.name, o.units, cx.warner());
  if (!o.exceptions_path.empty()) {
    auto x = cx.open(o.exceptions_path);
    list.exceptions = io::read_exceptions_csv(*x.stream, x.name, cx.warner());
  }
  return list;
}

void check_counties(const io::reduction_input& list, const std::string& source_name) {
  for (const auto& s : list.sources)
    if (!list.totals.count(s.county))
      throw error(location{source_name, s.line, 0}, "county '" + s.county + "' has no row in the totals");
}

/// Shares that point at a unit read wrongly (t/d labelled t/a, or the other way round).
void warn_unit_doubts(const tool::context& cx, const reduction_result& r) {
  if (const auto small = doubtfully_small_shares(r))
    cx.warn(
        fmt::format("every county cuts less than {} of each total (the most: {} tier {} {}, {}): are the units "
                    "right? t/d values labelled t/a are divided by 365",
                    pct(doubtful_share), small->county, small->tier, small->what, pct(small->share)));
  if (const auto [first, n] = cuts_above_totals(r); first)
    cx.warn(
        fmt::format("{} tier {} {}: the list cuts {} t/d of a total of {} t/d{}: are the sources and the totals "
                    "in the same unit?",
                    first->county, first->tier, first->what, tonnes(first->cut), tonnes(first->total),
                    n > 1 ? fmt::format(" (and {} more cuts above their totals)", n - 1) : ""));
}

// ---- Output ----

// The records of --format csv, json and jsonl, through io/table: one quoting and one number
// format (tonnes per day to 3 decimals, shares to 4) whatever the format.
const std::vector<io::column> check_columns = {{"county"},        {"tier"},  {"pollutant"}, {"cut_t_d"},
                                               {"total_t_d"},     {"share"}, {"required"},  {"status"},
                                               {"shortfall_t_d"}, {"note"}};

std::vector<io::field> check_fields(const ratio_check& c) {
  using io::field;
  return {c.county.empty() ? field::custom("city", nullptr) : field::string(c.county),  // city-wide
          field::string(c.tier),
          field::string(c.what),
          field::number(c.cut, 3),
          field::number(c.total, 3),
          field::number(c.share, 4),
          field::number(c.required, 4),
          field::string(to_string(c.status)),
          field::number(c.shortfall, 3),
          field::string(c.note)};
}

// A finding's text is the CSV's "finding" column and the JSON's "text" key.
const std::vector<io::column> finding_columns = {{"severity"},
                                                 {"county"},
                                                 {"id"},
                                                 {"line"},
                                                 {"rule"},
                                                 {"finding", io::column_in::csv_only},
                                                 {"text", io::column_in::json_only}};

std::vector<io::field> finding_fields(const finding& f) {
  using io::field;
  return {field::string(to_string(f.severity)),
          field::string(f.county),
          field::string(f.id),
          field::custom(f.line ? std::to_string(f.line) : "", f.line),  // 0 in JSON: no line
          field::string(f.rule),
          field::string(f.text),
          field::string(f.text)};
}

void write_json(io::output& out, const reduction_result& result, so2_nox_rule reading) {
  auto checks = nlohmann::ordered_json::array(), findings = nlohmann::ordered_json::array();
  for (const auto& c : result.checks) checks.push_back(io::json_object(check_columns, check_fields(c)));
  for (const auto& f : result.findings) findings.push_back(io::json_object(finding_columns, finding_fields(f)));
  nlohmann::ordered_json j = {
      {"so2_nox", to_string(reading)}, {"failed", result.failed()}, {"checks", checks}, {"findings", findings}};
  out << j.dump(2) << "\n";
}

// CSV or JSON Lines: the checks (or the findings), a record each.
void write_table(io::output& out, io::format f, const reduction_result& result, const std::string& table) {
  if (table == "checks") {
    io::record_writer rows(out, f, check_columns);
    for (const auto& c : result.checks) rows.write(check_fields(c));
    rows.finish();
  } else {
    io::record_writer rows(out, f, finding_columns);
    for (const auto& x : result.findings) rows.write(finding_fields(x));
    rows.finish();
  }
}

/// An area ("" = city-wide) fails when one of its checks fails, or a county when a finding does.
bool area_fails(const reduction_result& result, const std::string& area) {
  for (const auto& c : result.checks)
    if (c.county == area && c.status == check_status::fail) return true;
  for (const auto& f : result.findings)
    if (!area.empty() && f.county == area && f.severity == finding_severity::fail) return true;
  return false;
}

/// One area's table and its findings; `source_name` for where the findings are.
void write_area_text(io::output& out, const reduction_result& result, const std::string& area,
                     const std::string& source_name) {
  const auto where = [&](const finding& f) {
    return f.line ? fmt::format("{}:{}", source_name, f.line) : f.id.empty() ? f.county : source_name + " id " + f.id;
  };
  out << fmt::format("\n{}: {}\n", area.empty() ? "City-wide" : area, area_fails(result, area) ? "FAIL" : "PASS");
  out << fmt::format("  {:<5} {:<8} {:>10} {:>11} {:>9} {:>9}  {:<9} {:>10}\n", "tier", "", "cut t/d", "total t/d",
                     "share", "required", "status", "short t/d");
  for (const auto& c : result.checks) {
    if (c.county != area) continue;
    auto row = fmt::format("  {:<5} {:<8} {:>10} {:>11} {:>9} {:>9}  {:<9} {:>10}{}", c.tier, c.what, tonnes(c.cut),
                           tonnes(c.total), pct(c.share), pct(c.required), to_string(c.status),
                           c.shortfall > 0 ? tonnes(c.shortfall) : "",
                           c.note.empty() || c.status == check_status::info ? "" : "  " + c.note);
    row.erase(row.find_last_not_of(' ') + 1);
    out << row << "\n";
  }
  for (const auto& f : result.findings)
    if (!area.empty() && f.county == area)
      out << fmt::format("  [{}] {} {}: {}\n", to_string(f.severity), where(f), f.rule, f.text);
}

void write_text(io::output& out, const profile& p, const io::reduction_input& list, const reduction_result& result,
                const std::string& source_name) {
  out << fmt::format(
      "Emission-reduction lists (§4.2.1), profile {}: required III {}, II {}, I {} of society-wide "
      "emissions; SO2/NOx reading: {}.\n",
      p.name, pct(p.reduction.required.at("III")), pct(p.reduction.required.at("II")),
      pct(p.reduction.required.at("I")), to_string(p.reduction.so2_nox));
  int failing = 0;
  for (const auto& [county, e] : list.totals) {
    write_area_text(out, result, county, source_name);
    failing += area_fails(result, county);
  }
  write_area_text(out, result, "", source_name);
  out << fmt::format("\n{} of {} counties fail.\n", failing, list.totals.size());
}

std::vector<std::string> so2_nox_names() {
  std::vector<std::string> names;
  for (const auto r : all_so2_nox_rules) names.emplace_back(to_string(r));
  return names;
}

void options(CLI::App& app, args& a) {
  app.add_option("--totals", a.totals_path, "CSV of society-wide emissions: county,so2,nox,pm,vocs");
  app.add_option("--exceptions", a.exceptions_path,
                 "CSV of granted lower ratios: county,tier,pollutant,ratio,justification");
  app.add_option("--units", a.units, "t/d or t/a, for columns whose header states none")
      ->check(CLI::IsMember({"t/d", "t/a"}));
  app.add_option("--so2-nox", a.so2_nox, "ratio_sum, tonnage or each (default: the profile's)")
      ->check(CLI::IsMember(so2_nox_names()));
  app.add_option("--table", a.table, "with csv or jsonl: checks or findings")
      ->check(CLI::IsMember({"checks", "findings"}))
      ->capture_default_str();
}

/// Checks the list and writes the result; 3 when a requirement fails.
int run(const args& a, tool::context& cx) {
  auto p = cx.profile();
  if (!a.so2_nox.empty()) from_string(a.so2_nox, p.reduction.so2_nox);  // the option's values are checked by CLI11
  auto in = cx.open_input();
  const auto list = read_list(cx, in, a);
  check_counties(list, in.name);
  const auto result = check_reductions(list.totals, list.sources, list.exceptions, p.reduction);
  warn_unit_doubts(cx, result);
  io::output out(cx.options().output);
  const auto f = cx.options().format;
  if (f == io::format::json)
    write_json(out, result, p.reduction.so2_nox);
  else if (f == io::format::jsonl || f == io::format::csv)
    write_table(out, f, result, a.table);
  else
    write_text(out, p, list, result, in.name);
  out.commit();
  return result.failed() ? 3 : 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
