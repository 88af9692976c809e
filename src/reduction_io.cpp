#include "hpa/io/reduction_io.hpp"

#include <fast_float/fast_float.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "hpa/error.hpp"
#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/csv.hpp"
#include "hpa/io/output.hpp"
#include "json_text.hpp"
#include "text.hpp"

#include <sstream>

namespace hpa::io {

namespace {

using detail::lower;

// Tonnes per day from a quantity in `unit`.
double per_day(double v, const std::string& unit) { return unit == "t/a" ? v / 365.0 : v; }

std::string check_unit(const std::string& unit, const std::string& where) {
  if (unit != "t/d" && unit != "t/a") throw error(where + ": unit '" + unit + "': use t/d (tonnes per day) or t/a (tonnes per year)");
  return unit;
}

// The header of an emissions CSV: names without their unit, and the one unit they state.
struct header {
  std::map<std::string, std::size_t> column;
  std::string unit;
  std::size_t size = 0;
};

header read_header(csv_reader& csv, const std::string& default_unit, bool has_quantities) {
  if (!csv.next()) throw error(location{csv.source(), 0, 0}, "empty input: expected a CSV header");
  header h;
  h.size = csv.fields().size();
  std::string unit_column;
  for (std::size_t i = 0; i < csv.fields().size(); ++i) {
    std::string name = detail::trimmed(csv.fields()[i]);
    if (const auto open = name.find('['); open != std::string::npos) {
      const auto close = name.find(']', open);
      if (close == std::string::npos) throw error(csv.at(i + 1), "unclosed '[' in column '" + name + "'");
      const auto unit = check_unit(lower(detail::trimmed(std::string_view(name).substr(open + 1, close - open - 1))), to_string(csv.at(i + 1)));
      if (!h.unit.empty() && unit != h.unit)
        throw error(csv.at(i + 1), "mixed units: '" + name + "' is in " + unit + ", '" + unit_column + "' in " + h.unit);
      h.unit = unit;
      unit_column = name;
      name = detail::trimmed(std::string_view(name).substr(0, open));
    }
    h.column[lower(name)] = i;
  }
  if (h.unit.empty()) h.unit = default_unit.empty() ? "" : check_unit(default_unit, "--units");
  if (has_quantities && h.unit.empty())
    throw error(location{csv.source(), 1, 0}, "state the unit in the header, as 'so2 [t/d]' or 'so2 [t/a]', or with --units");
  return h;
}

struct row_reader {
  csv_reader& csv;
  const header& h;
  std::string get(const std::string& name) const {
    auto it = h.column.find(name);
    if (it == h.column.end()) return {};
    return detail::trimmed(csv.fields()[it->second]);  // rows are checked against the header's width first
  }
  std::uint64_t col(const std::string& name) const {
    auto it = h.column.find(name);
    return it == h.column.end() ? 0 : it->second + 1;
  }
  double number(const std::string& name, bool convert = true) const {
    const auto s = get(name);
    if (s.empty()) return 0;
    double v = 0;
    const auto r = fast_float::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v))
      throw error(csv.at(col(name)), "expected a number for " + name + ", got '" + s + "'");
    if (v < 0) throw error(csv.at(col(name)), name + " cannot be negative, got '" + s + "'");
    return convert ? per_day(v, h.unit) : v;
  }
  void require(const std::string& name) const {
    if (!h.column.count(name)) throw error(location{csv.source(), 1, 0}, "missing column '" + name + "'");
  }
};

constexpr const char* pollutant_keys[] = {"so2", "nox", "pm", "vocs"};

std::string normalise(const std::string& value, const std::vector<std::pair<std::vector<std::string>, std::string>>& table,
                      const location& where, const std::string& what) {
  const auto v = lower(value);
  for (const auto& [names, canonical] : table)
    for (const auto& n : names)
      if (v == n) return canonical;
  std::string known;
  for (const auto& [names, canonical] : table) known += (known.empty() ? "" : ", ") + canonical;
  throw error(where, what + " '" + value + "' is not one of " + known);
}

const std::vector<std::pair<std::vector<std::string>, std::string>> parts = {
    {{"industrial", "工业源"}, "industrial"}, {{"dust", "扬尘源"}, "dust"},
    {{"mobile", "移动源"}, "mobile"}, {{"co-heating", "协同供暖", "协同供暖企业"}, "co-heating"}};
const std::vector<std::pair<std::vector<std::string>, std::string>> kinds = {
    {{"power_plant", "电厂"}, "power_plant"}, {{"heating_boiler", "供暖锅炉", "供暖锅炉房"}, "heating_boiler"},
    {{"small_micro", "小微", "小微企业"}, "small_micro"}, {{"construction_site", "施工工地"}, "construction_site"},
    {{"large_vehicle_user", "用车大户"}, "large_vehicle_user"}, {{"other", "其他", ""}, "other"}};
const std::vector<std::pair<std::vector<std::string>, std::string>> grades = {
    {{"a"}, "A"}, {{"b"}, "B"}, {{"b-"}, "B-"}, {{"c"}, "C"}, {{"d"}, "D"},
    {{"引领性"}, "引领性"}, {{"非引领性"}, "非引领性"}, {{""}, ""}};

bool yes(const std::string& v, const location& where) {
  const auto l = lower(v);
  if (l == "yes" || l == "true" || l == "1" || l == "是" || l == "保障类") return true;
  if (l.empty() || l == "no" || l == "false" || l == "0" || l == "否") return false;
  throw error(where, "protected must be yes or no, got '" + v + "'");
}

std::optional<cut_value> parse_cut(const std::string& s, const std::string& unit, const location& where) {
  if (s.empty()) return std::nullopt;
  const bool share = s.back() == '%';
  const std::string num = share ? detail::trimmed(std::string_view(s).substr(0, s.size() - 1)) : s;
  double v = 0;
  const auto r = fast_float::from_chars(num.data(), num.data() + num.size(), v);
  if (r.ec != std::errc() || r.ptr != num.data() + num.size() || !std::isfinite(v))
    throw error(where, "expected tonnes or a share such as 30%, got '" + s + "'");
  if (v < 0) throw error(where, "a cut cannot be negative, got '" + s + "'");
  if (share && v > 100) throw error(where, "a share above 100%, got '" + s + "'");
  return cut_value{share ? v / 100 : per_day(v, unit), share};
}

}  // namespace

std::map<std::string, emissions> read_totals_csv(std::istream& in, const std::string& name, const std::string& default_unit) {
  csv_reader csv(in, name);
  const auto h = read_header(csv, default_unit, true);
  row_reader r{csv, h};
  r.require("county");
  for (const char* k : pollutant_keys) r.require(k);
  std::map<std::string, emissions> totals;
  while (csv.next()) {
    csv.expect_fields(h.size);
    const auto county = r.get("county");
    if (county.empty()) throw error(csv.at(r.col("county")), "empty county");
    check_utf8(county, csv.at(r.col("county")));
    if (totals.count(county)) throw error(csv.at(r.col("county")), "county '" + county + "' given twice");
    emissions e{};
    for (std::size_t i = 0; i < 4; ++i) e[i] = r.number(pollutant_keys[i]);
    totals[county] = e;
  }
  return totals;
}

std::vector<source> read_sources_csv(std::istream& in, const std::string& name, const std::string& default_unit) {
  csv_reader csv(in, name);
  const auto h = read_header(csv, default_unit, true);
  row_reader r{csv, h};
  for (const char* c : {"county", "part", "id", "name", "kind"}) r.require(c);
  std::vector<source> out;
  while (csv.next()) {
    csv.expect_fields(h.size);
    source s;
    s.line = csv.line();
    s.county = r.get("county");
    if (s.county.empty()) throw error(csv.at(r.col("county")), "empty county");
    check_utf8(s.county, csv.at(r.col("county")));
    s.part = normalise(r.get("part"), parts, csv.at(r.col("part")), "part");
    s.id = r.get("id");
    s.name = r.get("name");
    s.industry = r.get("industry");
    s.kind = normalise(r.get("kind"), kinds, csv.at(r.col("kind")), "kind");
    s.grade = normalise(r.get("grade"), grades, csv.at(r.col("grade")), "grade");
    s.is_protected = yes(r.get("protected"), csv.at(r.col("protected")));
    for (std::size_t i = 0; i < 4; ++i) s.baseline[i] = r.number(pollutant_keys[i]);
    for (const char* tier : reduction_tiers) {
      const std::string t = lower(tier);
      tier_plan plan;
      plan.measure = r.get("measure_" + t);
      plan.stopped_lines = r.get("stopped_lines_" + t);
      for (std::size_t i = 0; i < 4; ++i) {
        const auto col = std::string("cut_") + pollutant_keys[i] + "_" + t;
        plan.cut[i] = parse_cut(r.get(col), h.unit, csv.at(r.col(col)));
      }
      s.tiers[tier] = plan;
    }
    s.key_indicators = r.get("key_indicators");
    s.prep_time = r.get("prep_time");
    s.responsible = r.get("responsible");
    s.contact = r.get("contact");
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<granted_exception> read_exceptions_csv(std::istream& in, const std::string& name) {
  csv_reader csv(in, name);
  const auto h = read_header(csv, "", false);
  row_reader r{csv, h};
  for (const char* c : {"county", "tier", "pollutant", "ratio", "justification"}) r.require(c);
  std::vector<granted_exception> out;
  while (csv.next()) {
    csv.expect_fields(h.size);
    granted_exception x;
    x.county = r.get("county");
    x.tier = r.get("tier");
    if (x.tier != "III" && x.tier != "II" && x.tier != "I") throw error(csv.at(r.col("tier")), "tier must be III, II or I, got '" + x.tier + "'");
    const auto p = lower(r.get("pollutant"));
    const auto it = std::find(std::begin(pollutant_keys), std::end(pollutant_keys), p);
    if (it == std::end(pollutant_keys)) throw error(csv.at(r.col("pollutant")), "pollutant must be so2, nox, pm or vocs, got '" + p + "'");
    x.what = all_pollutants[static_cast<std::size_t>(it - std::begin(pollutant_keys))];
    const auto ratio = r.get("ratio");
    x.ratio = r.number("ratio", false);
    if (!ratio.empty() && ratio.back() == '%') throw error(csv.at(r.col("ratio")), "give the ratio as a fraction (0.08), got '" + ratio + "'");
    if (x.ratio > 1) throw error(csv.at(r.col("ratio")), "a ratio above 1, got '" + ratio + "'");
    x.justification = r.get("justification");
    if (x.justification.empty())
      throw error(csv.at(r.col("justification")), "an exception needs its written justification (§4.2.1(3))");
    out.push_back(std::move(x));
  }
  return out;
}

reduction_input read_reduction_json(std::string_view text, const std::string& name) {
  const auto j = detail::parse_json(text, name);
  // The JSON form is the CSV form with objects for rows: write it out as CSV rows and read those,
  // so both forms pass the same checks and conversions.
  if (!j.is_object()) throw error(name + ": expected an object with units, totals, sources and exceptions");
  for (const char* key : {"units", "totals", "sources"})
    if (!j.contains(key)) throw error(name + ": missing key '" + key + "'");
  for (const auto& [key, v] : j.items())
    if (key != "units" && key != "totals" && key != "sources" && key != "exceptions")
      throw error(name + ": /" + key + ": unknown key (known: units, totals, sources, exceptions)");
  std::string path = "/";
  try {
    const std::string unit = check_unit(j.at("units").get<std::string>(), name + ": /units");
    auto str = [](const nlohmann::json& v) -> std::string {
      if (v.is_null()) return "";
      if (v.is_string()) return v.get<std::string>();
      if (v.is_number() || v.is_boolean()) return v.dump();
      throw std::invalid_argument("expected a string or a number, got " + detail::json_quote(v));
    };
    auto csv_of = [&](const nlohmann::json& rows, const std::vector<std::string>& columns, const char* key) {
      std::string text;
      for (std::size_t c = 0; c < columns.size(); ++c) text += (c ? "," : "") + columns[c];
      text += "\n";
      for (std::size_t i = 0; i < rows.size(); ++i) {
        path = std::string("/") + key + "/" + std::to_string(i);
        if (!rows[i].is_object()) throw std::invalid_argument("expected an object");
        for (const auto& [k, v] : rows[i].items())
          if (std::find(columns.begin(), columns.end(), k) == columns.end() && k != "tiers")
            throw std::invalid_argument("unknown key '" + k + "'");
        for (std::size_t c = 0; c < columns.size(); ++c) {
          std::string v;
          const auto& col = columns[c];
          if (rows[i].contains(col)) {
            v = str(rows[i].at(col));
          } else if (rows[i].contains("tiers") && col.rfind("cut_", 0) != 0 && col.find('_') != std::string::npos) {
            const auto under = col.rfind('_');
            std::string tier = col.substr(under + 1);
            for (auto& ch : tier) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            const auto& t = rows[i].at("tiers");
            if (t.contains(tier)) v = str(t.at(tier).value(col.substr(0, under), nlohmann::json()));
          } else if (rows[i].contains("tiers") && col.rfind("cut_", 0) == 0) {
            const auto under = col.rfind('_');
            std::string tier = col.substr(under + 1);
            for (auto& ch : tier) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            const auto& t = rows[i].at("tiers");
            const auto pol = col.substr(4, under - 4);
            if (t.contains(tier) && t.at(tier).contains("cut")) v = str(t.at(tier).at("cut").value(pol, nlohmann::json()));
          }
          text += (c ? "," : "") + csv_field(v);
        }
        text += "\n";
      }
      return text;
    };
    std::vector<std::string> tcols = {"county", "so2", "nox", "pm", "vocs"};
    std::vector<std::string> scols = {"county", "part", "id", "name", "industry", "kind", "grade", "protected", "so2", "nox", "pm", "vocs"};
    for (const char* tier : {"iii", "ii", "i"}) {
      scols.push_back(std::string("measure_") + tier);
      scols.push_back(std::string("stopped_lines_") + tier);
      for (const char* p : pollutant_keys) scols.push_back(std::string("cut_") + p + "_" + tier);
    }
    for (const char* c : {"key_indicators", "prep_time", "responsible", "contact"}) scols.push_back(c);
    std::vector<std::string> xcols = {"county", "tier", "pollutant", "ratio", "justification"};
    // An error in row i, column c of the CSV form is one at /key/i/<c's JSON path>.
    auto as_json_path = [&](const error& e, const char* key, const std::vector<std::string>& columns) {
      const auto& w = e.where();
      std::string msg = e.what();
      msg = msg.substr(std::min(msg.size(), to_string(w).size() + 2));
      if (w.line < 2) return error(name + ": /" + key + ": " + msg);
      std::string at = "/" + std::string(key) + "/" + std::to_string(w.line - 2);
      if (w.column >= 1 && w.column <= columns.size()) {
        std::string col = columns[w.column - 1];
        const auto under = col.rfind('_');
        std::string tier = under == std::string::npos ? "" : col.substr(under + 1);
        if (tier == "iii" || tier == "ii" || tier == "i") {
          for (auto& ch : tier) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
          col = col.rfind("cut_", 0) == 0 ? "tiers/" + tier + "/cut/" + col.substr(4, under - 4)
                                          : "tiers/" + tier + "/" + col.substr(0, under);
        }
        at += "/" + col;
      }
      return error(name + ": " + at + ": " + msg);
    };
    reduction_input out;
    std::istringstream totals(csv_of(j.at("totals"), tcols, "totals"));
    try { out.totals = read_totals_csv(totals, name, unit); } catch (const error& e) { throw as_json_path(e, "totals", tcols); }
    std::istringstream sources(csv_of(j.at("sources"), scols, "sources"));
    try { out.sources = read_sources_csv(sources, name, unit); } catch (const error& e) { throw as_json_path(e, "sources", scols); }
    if (j.contains("exceptions")) {
      std::istringstream x(csv_of(j.at("exceptions"), xcols, "exceptions"));
      try { out.exceptions = read_exceptions_csv(x, name); } catch (const error& e) { throw as_json_path(e, "exceptions", xcols); }
    }
    for (auto& s : out.sources) s.line = 0;  // no CSV line to point at
    return out;
  } catch (const nlohmann::json::exception& e) {
    throw error(name + ": " + path + ": " + detail::json_message(e));
  } catch (const std::invalid_argument& e) {
    throw error(name + ": " + path + ": " + e.what());
  }
}

}  // namespace hpa::io
