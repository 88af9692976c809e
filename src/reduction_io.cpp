#include "hpa/io/reduction_io.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <nlohmann/json.hpp>

#include "hpa/error.hpp"
#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/csv.hpp"
#include "json_text.hpp"
#include "text.hpp"

namespace hpa::io {

namespace {

using detail::lower;
using nlohmann::json;

// ---- Units ----

/// A t/a quantity is spread evenly over 365 days: the lists' totals (总表) are calendar-year sums,
/// and the plan gives no other divisor.
constexpr double days_per_year = 365;

/// The largest number a tonnage cut can be and still read as a percentage of the baseline, for
/// the doubt "is 30 meant as 30 %?".
constexpr double largest_percentage = 100;

constexpr std::array<const char*, 4> pollutant_keys = {"so2", "nox", "pm", "vocs"};

// Tonnes per day from a quantity in `unit`.
double per_day(double v, const std::string& unit) { return unit == "t/a" ? v / days_per_year : v; }

std::string check_unit(const std::string& unit, const std::string& where) {
  if (unit != "t/d" && unit != "t/a")
    throw error(where + ": unit '" + unit + "': use t/d (tonnes per day) or t/a (tonnes per year)");
  return unit;
}

// ---- One value, wherever it was read ----

/// Where a value was read, for messages: a CSV line and column, or a path in a JSON document.
class place {
 public:
  place() = default;
  explicit place(location csv) : at_(std::move(csv)) {}
  place(const std::string& source, std::string json_path) : json_path_(std::move(json_path)) { at_.source = source; }

  const std::string& json_path() const { return json_path_; }
  std::string text() const { return json_path_.empty() ? to_string(at_) : at_.source + ": " + json_path_; }
  [[noreturn]] void fail(const std::string& message) const {
    throw json_path_.empty() ? error(at_, message) : error(at_, json_path_ + ": " + message);
  }
  // The JSON parser has validated its strings already; CSV fields are checked here.
  void check_text(std::string_view s) const {
    if (json_path_.empty()) check_utf8(s, at_);
  }

 private:
  location at_;            // the source; for CSV also line and column
  std::string json_path_;  // "/sources/0/so2"; empty for CSV
};

/// A value as the readers see it: a CSV field, a JSON string, or a JSON number or boolean as
/// written, trimmed; empty for a column or key left out.
struct field {
  std::string text;
  place at;
};

// ---- The conversions both forms share, field by field ----

std::string as_text(const field& f) {
  f.at.check_text(f.text);
  return f.text;
}

std::string as_county(const field& f) {
  if (f.text.empty()) f.at.fail("empty county");
  return as_text(f);
}

using name_table = std::vector<std::pair<std::vector<std::string>, std::string>>;  // spellings -> canonical

const name_table parts = {{{"industrial", "工业源"}, "industrial"},
                          {{"dust", "扬尘源"}, "dust"},
                          {{"mobile", "移动源"}, "mobile"},
                          {{"co-heating", "协同供暖", "协同供暖企业"}, "co-heating"}};
const name_table kinds = {{{"power_plant", "电厂"}, "power_plant"},
                          {{"heating_boiler", "供暖锅炉", "供暖锅炉房"}, "heating_boiler"},
                          {{"small_micro", "小微", "小微企业"}, "small_micro"},
                          {{"construction_site", "施工工地"}, "construction_site"},
                          {{"large_vehicle_user", "用车大户"}, "large_vehicle_user"},
                          {{"other", "其他", ""}, "other"}};
const name_table grades = {{{"a"}, "A"},
                           {{"b"}, "B"},
                           {{"b-"}, "B-"},
                           {{"c"}, "C"},
                           {{"d"}, "D"},
                           {{"引领性"}, "引领性"},
                           {{"非引领性"}, "非引领性"},
                           {{""}, ""}};

std::string as_one_of(const field& f, const name_table& table, const std::string& what) {
  const auto v = lower(f.text);
  for (const auto& [names, canonical] : table)
    if (std::find(names.begin(), names.end(), v) != names.end()) return canonical;
  std::string known;
  for (const auto& [names, canonical] : table) known.append(known.empty() ? "" : ", ").append(canonical);
  f.at.fail(what + " '" + f.text + "' is not one of " + known);
}

bool as_protected(const field& f) {
  const auto l = lower(f.text);
  if (l == "yes" || l == "true" || l == "1" || l == "是" || l == "保障类") return true;
  if (l.empty() || l == "no" || l == "false" || l == "0" || l == "否") return false;
  f.at.fail("protected must be yes or no, got '" + f.text + "'");
}

/// A finite number, or nothing when `s` is not one.
std::optional<double> parse_number(std::string_view s) {
  double v = 0;
  const auto r = fast_float::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

/// A number that cannot be negative, the value of `name`; 0 when empty.
double as_number(const field& f, const std::string& name) {
  if (f.text.empty()) return 0;
  const auto v = parse_number(f.text);
  if (!v) f.at.fail("expected a number for " + name + ", got '" + f.text + "'");
  if (*v < 0) f.at.fail(name + " cannot be negative, got '" + f.text + "'");
  return *v;
}

/// A quantity in tonnes per day (0 when empty) from one in `unit`.
double as_quantity(const field& f, const std::string& name, const std::string& unit) {
  return per_day(as_number(f, name), unit);
}

/// A cut: tonnes (in `unit`) or a share such as 30%.
std::optional<cut_value> as_cut(const field& f, const std::string& unit) {
  const std::string& s = f.text;
  if (s.empty()) return std::nullopt;
  const bool share = s.back() == '%';
  const auto v = parse_number(share ? detail::trim(std::string_view(s).substr(0, s.size() - 1)) : std::string_view(s));
  if (!v) f.at.fail("expected tonnes or a share such as 30%, got '" + s + "'");
  if (*v < 0) f.at.fail("a cut cannot be negative, got '" + s + "'");
  if (share && *v > largest_percentage) f.at.fail("a share above 100%, got '" + s + "'");
  return cut_value{share ? *v / 100 : per_day(*v, unit), share};
}

std::string as_tier(const field& f) {
  if (std::find(reduction_tiers.begin(), reduction_tiers.end(), f.text) == reduction_tiers.end())
    f.at.fail("tier must be III, II or I, got '" + f.text + "'");
  return f.text;
}

pollutant as_pollutant(const field& f) {
  const auto p = lower(f.text);
  const auto it = std::find(pollutant_keys.begin(), pollutant_keys.end(), p);
  if (it == pollutant_keys.end()) f.at.fail("pollutant must be so2, nox, pm or vocs, got '" + p + "'");
  return all_pollutants[static_cast<std::size_t>(it - pollutant_keys.begin())];
}

/// A granted ratio, as a fraction of the total.
double as_ratio(const field& f) {
  if (f.text.empty()) f.at.fail("an exception needs its granted ratio (§4.2.1(3))");
  if (f.text.back() == '%') f.at.fail("give the ratio as a fraction (0.08), got '" + f.text + "'");
  const double ratio = as_number(f, "ratio");
  if (ratio > 1) f.at.fail("a ratio above 1, got '" + f.text + "'");
  return ratio;
}

std::string as_justification(const field& f) {
  if (f.text.empty()) f.at.fail("an exception needs its written justification (§4.2.1(3))");
  return as_text(f);
}

// ---- Rows: the same assembly for a CSV record and a JSON object ----

/// Tonnage cuts larger than their source's baseline: a doubt about the unit, reported once.
struct cut_doubts {
  std::string first;
  std::size_t count = 0;

  void check(const field& cut, const cut_value& c, const field& baseline, double baseline_t_d, const std::string& unit,
             const char* tier, std::size_t i) {
    if (c.share || !hpa::detail::above(c.value, baseline_t_d)) return;
    if (count++) return;
    first = cut.at.text() + ": tier " + tier + " " + to_string(all_pollutants[i]) + " cut of " + cut.text + " " + unit +
            " is larger than the baseline of " + (baseline.text.empty() ? "0" : baseline.text) + " " + unit +
            ": is the unit right?";
    const auto written = parse_number(cut.text);
    if (written && *written <= largest_percentage) first += " A share of the baseline is written " + cut.text + "%.";
  }
  void report(const warn_fn& warn) const {
    if (!count || !warn) return;
    warn(count == 1 ? first : first + " Other cuts above their baselines: " + std::to_string(count - 1) + ".");
  }
};

template <class Row>
tier_plan read_tier_plan(const Row& r, const char* tier, const std::string& unit, const source& s,
                         const std::array<field, 4>& baseline, cut_doubts& doubts) {
  tier_plan plan;
  plan.measure = as_text(r.in_tier(tier, "measure"));
  plan.stopped_lines = as_text(r.in_tier(tier, "stopped_lines"));
  for (std::size_t i = 0; i < pollutant_keys.size(); ++i) {
    const auto f = r.cut(tier, i);
    plan.cut[i] = as_cut(f, unit);
    if (plan.cut[i]) doubts.check(f, *plan.cut[i], baseline[i], s.baseline[i], unit, tier, i);
  }
  return plan;
}

template <class Row>
source read_source(const Row& r, const std::string& unit, cut_doubts& doubts) {
  source s;
  s.line = r.line();
  s.county = as_county(r.get("county"));
  s.part = as_one_of(r.get("part"), parts, "part");
  s.id = as_text(r.get("id"));
  s.name = as_text(r.get("name"));
  s.industry = as_text(r.get("industry"));
  s.kind = as_one_of(r.get("kind"), kinds, "kind");
  s.grade = as_one_of(r.get("grade"), grades, "grade");
  s.is_protected = as_protected(r.get("protected"));
  std::array<field, 4> baseline;
  for (std::size_t i = 0; i < pollutant_keys.size(); ++i) {
    baseline[i] = r.get(pollutant_keys[i]);
    s.baseline[i] = as_quantity(baseline[i], pollutant_keys[i], unit);
  }
  for (const char* tier : reduction_tiers) s.tiers[tier] = read_tier_plan(r, tier, unit, s, baseline, doubts);
  s.key_indicators = as_text(r.get("key_indicators"));
  s.prep_time = as_text(r.get("prep_time"));
  s.responsible = as_text(r.get("responsible"));
  s.contact = as_text(r.get("contact"));
  return s;
}

template <class Row>
void read_total(const Row& r, const std::string& unit, std::map<std::string, emissions>& totals) {
  const auto county_field = r.get("county");
  const auto county = as_county(county_field);
  if (totals.count(county)) county_field.at.fail("county '" + county + "' given twice");
  emissions e{};
  for (std::size_t i = 0; i < pollutant_keys.size(); ++i)
    e[i] = as_quantity(r.get(pollutant_keys[i]), pollutant_keys[i], unit);
  totals[county] = e;
}

template <class Row>
granted_exception read_exception(const Row& r) {
  granted_exception x;
  x.county = as_county(r.get("county"));
  x.tier = as_tier(r.get("tier"));
  x.what = as_pollutant(r.get("pollutant"));
  x.ratio = as_ratio(r.get("ratio"));
  x.justification = as_justification(r.get("justification"));
  return x;
}

// ---- CSV ----

/// The columns of one CSV form, by their names without the unit.
struct columns {
  std::vector<std::string> required, optional;
};

std::vector<std::string> per_tier(std::initializer_list<const char*> keys) {  // "measure" -> measure_iii, _ii, _i
  std::vector<std::string> out;
  for (const char* tier : reduction_tiers)
    for (const char* k : keys) out.push_back(std::string(k) + "_" + lower(tier));
  return out;
}

const columns& totals_columns() {
  static const columns c{{"county", "so2", "nox", "pm", "vocs"}, {}};
  return c;
}

const columns& source_columns() {
  static const columns c = [] {
    columns c{{"county", "part", "id", "name", "kind", "grade", "protected", "so2", "nox", "pm", "vocs"},
              {"industry", "key_indicators", "prep_time", "responsible", "contact"}};
    for (const auto& col : per_tier({"cut_so2", "cut_nox", "cut_pm", "cut_vocs"})) c.required.push_back(col);
    for (const auto& col : per_tier({"measure", "stopped_lines"})) c.optional.push_back(col);
    return c;
  }();
  return c;
}

const columns& exception_columns() {
  static const columns c{{"county", "tier", "pollutant", "ratio", "justification"}, {}};
  return c;
}

// The header of an emissions CSV: names without their unit, and the one unit they state.
struct header {
  std::map<std::string, std::size_t> column;
  std::vector<std::string> names;  // in the file's order
  std::string unit;
  std::size_t size = 0;
};

/// Splits "so2 [t/a]" into its name (returned) and unit (checked against the header's one unit).
std::string name_and_unit(std::string name, const location& where, header& h, std::string& unit_column) {
  const auto open = name.find('[');
  if (open == std::string::npos) return name;
  const auto close = name.find(']', open);
  if (close == std::string::npos) throw error(where, "unclosed '[' in column '" + name + "'");
  const auto unit =
      check_unit(lower(detail::trimmed(std::string_view(name).substr(open + 1, close - open - 1))), to_string(where));
  if (!h.unit.empty() && unit != h.unit)
    throw error(where, "mixed units: '" + name + "' is in " + unit + ", '" + unit_column + "' in " + h.unit);
  h.unit = unit;
  unit_column = name;
  return detail::trimmed(std::string_view(name).substr(0, open));
}

/// Every required column present (all missing ones named at once); the others ignored with a warning.
void check_columns(const header& h, const columns& cols, const csv_reader& csv, const warn_fn& warn) {
  std::string missing;
  std::size_t n = 0;
  for (const auto& c : cols.required)
    if (!h.column.count(c)) missing.append(n++ ? ", '" : "'").append(c).append("'");
  if (n) throw error(location{csv.source(), 1, 0}, (n == 1 ? "missing column " : "missing columns ") + missing);
  if (!warn) return;
  for (std::size_t i = 0; i < h.names.size(); ++i)
    if (!h.names[i].empty() &&
        std::find(cols.optional.begin(), cols.optional.end(), h.names[i]) == cols.optional.end() &&
        std::find(cols.required.begin(), cols.required.end(), h.names[i]) == cols.required.end())
      warn(to_string(csv.at(i + 1)) + ": ignoring column '" + h.names[i] + "'");
}

header read_header(csv_reader& csv, const std::string& default_unit, bool has_quantities, const columns& cols,
                   const warn_fn& warn) {
  if (!csv.next()) throw error(location{csv.source(), 0, 0}, "empty input: expected a CSV header");
  header h;
  h.size = csv.fields().size();
  std::string unit_column;
  for (std::size_t i = 0; i < csv.fields().size(); ++i) {
    auto name = lower(name_and_unit(detail::trimmed(csv.fields()[i]), csv.at(i + 1), h, unit_column));
    // Spreadsheets export unnamed empty columns: those are neither read nor warned about.
    if (!name.empty() && !h.column.emplace(name, i).second)
      throw error(csv.at(i + 1), "column '" + name + "' given twice");
    h.names.push_back(std::move(name));
  }
  if (h.unit.empty()) h.unit = default_unit.empty() ? "" : check_unit(default_unit, "--units");
  if (has_quantities && h.unit.empty())
    throw error(location{csv.source(), 1, 0},
                "state the unit in the header, as 'so2 [t/d]' or 'so2 [t/a]', or with --units");
  check_columns(h, cols, csv, warn);
  return h;
}

/// The current CSV record as a row; a column the header lacks (an optional one) reads as empty.
struct csv_row {
  const csv_reader& csv;
  const header& h;

  field get(const std::string& column) const {
    const auto it = h.column.find(column);
    if (it == h.column.end()) return {"", place(csv.at(0))};
    return {detail::trimmed(csv.fields()[it->second]), place(csv.at(it->second + 1))};  // width checked first
  }
  field in_tier(const char* tier, const char* key) const { return get(std::string(key) + "_" + lower(tier)); }
  field cut(const char* tier, std::size_t i) const {
    return in_tier(tier, (std::string("cut_") + pollutant_keys[i]).c_str());
  }
  std::uint64_t line() const { return csv.line(); }
};

/// Reads every record after the header with `read(row)`.
template <class F>
void for_each_record(csv_reader& csv, const header& h, F read) {
  while (csv.next()) {
    csv.expect_fields(h.size);
    read(csv_row{csv, h});
  }
}

// ---- JSON ----

/// `key` as one step of a JSON pointer (RFC 6901: "~" is "~0", "/" is "~1").
std::string pointer_step(std::string_view key) {
  std::string out = "/";
  for (const char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return out;
}

const char* kind_of(const json& v) {
  return v.is_array()    ? "an array"
         : v.is_object() ? "an object"
         : v.is_string() ? "a string"
         : v.is_null()   ? "null"
                         : "a number";
}

/// An object's keys, each one of `known` (else an error at its path, listing them).
void check_keys(const json& object, const std::string& path, const std::vector<std::string>& known,
                const std::string& source, const char* what = "key") {
  for (const auto& [key, value] : object.items())
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      std::string list;
      for (const auto& k : known) list.append(list.empty() ? "" : ", ").append(k);
      place(source, path + pointer_step(key)).fail(std::string("unknown ") + what + " (known: " + list + ")");
    }
}

const json& expect(const json& v, bool ok, const char* expected, const place& at) {
  if (!ok) at.fail(std::string("expected ") + expected + ", got " + kind_of(v));
  return v;
}

/// A scalar as text (a number or boolean as written); null or absent (nullptr) is empty.
field scalar(const json* v, const place& at) {
  if (!v || v->is_null()) return {"", at};
  if (v->is_string()) return {detail::trimmed(v->get_ref<const std::string&>()), at};
  if (v->is_number() || v->is_boolean()) return {v->dump(), at};
  at.fail(std::string("expected a string or a number, got ") + kind_of(*v));
}

const json* member(const json* object, const std::string& key) {
  if (!object) return nullptr;
  const auto it = object->find(key);
  return it == object->end() ? nullptr : &*it;
}

/// One object of `totals`, `sources` or `exceptions`, its keys (and a source's tiers) checked.
struct json_row {
  const json& row;
  std::string path;  // "/sources/3"
  const std::string& source;

  field get(const std::string& key) const { return scalar(member(&row, key), place(source, path + "/" + key)); }
  field in_tier(const char* tier, const std::string& key) const {
    const auto at = path + "/tiers/" + tier + "/" + key;
    return scalar(member(member(member(&row, "tiers"), tier), key), place(source, at));
  }
  field cut(const char* tier, std::size_t i) const {
    const auto at = path + "/tiers/" + tier + "/cut/" + pollutant_keys[i];
    return scalar(member(member(member(member(&row, "tiers"), tier), "cut"), pollutant_keys[i]), place(source, at));
  }
  std::uint64_t line() const { return 0; }  // no line to point at: findings name the id
};

const std::vector<std::string> document_keys = {"units", "totals", "sources", "exceptions"};
const std::vector<std::string> total_keys = {"county", "so2", "nox", "pm", "vocs"};
const std::vector<std::string> source_keys = {
    "county", "part", "id",   "name",  "industry",       "kind",      "grade",       "protected", "so2",
    "nox",    "pm",   "vocs", "tiers", "key_indicators", "prep_time", "responsible", "contact"};
const std::vector<std::string> tier_keys = {"measure", "stopped_lines", "cut"};
const std::vector<std::string> exception_keys = {"county", "tier", "pollutant", "ratio", "justification"};

/// A source's "tiers": III, II and I only (as the plan writes them), each with known keys.
void check_tiers(const json_row& r) {
  const json* tiers = member(&r.row, "tiers");
  if (!tiers) return;
  const place at(r.source, r.path + "/tiers");
  expect(*tiers, tiers->is_object(), "an object", at);
  check_keys(*tiers, at.json_path(), {reduction_tiers.begin(), reduction_tiers.end()}, r.source, "tier");
  for (const auto& [tier, plan] : tiers->items()) {
    const place tier_at(r.source, at.json_path() + "/" + tier);
    expect(plan, plan.is_object(), "an object", tier_at);
    check_keys(plan, tier_at.json_path(), tier_keys, r.source);
    if (const json* cut = member(&plan, "cut")) {
      const place cut_at(r.source, tier_at.json_path() + "/cut");
      expect(*cut, cut->is_object(), "an object", cut_at);
      check_keys(*cut, cut_at.json_path(), {pollutant_keys.begin(), pollutant_keys.end()}, r.source);
    }
  }
}

/// Calls `read(row)` for each object of the array at `key`, after checking its keys.
template <class F>
void for_each_object(const json& doc, const std::string& key, const std::vector<std::string>& known,
                     const std::string& source, F read) {
  const json& rows = doc.at(key);
  expect(rows, rows.is_array(), "an array", place(source, "/" + key));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const json_row row{rows[i], "/" + key + "/" + std::to_string(i), source};
    expect(row.row, row.row.is_object(), "an object", place(source, row.path));
    check_keys(row.row, row.path, known, source);
    read(row);
  }
}

/// The document's own keys and its unit.
std::string read_document_head(const json& j, const std::string& name) {
  if (!j.is_object()) throw error(name + ": expected an object with units, totals, sources and exceptions");
  for (const char* key : {"units", "totals", "sources"})
    if (!j.contains(key)) throw error(name + ": missing key '" + key + "'");
  check_keys(j, "", document_keys, name);
  const place at(name, "/units");
  const auto& units = expect(j.at("units"), j.at("units").is_string(), "a string", at);
  return check_unit(units.get<std::string>(), at.text());
}

}  // namespace

std::map<std::string, emissions> read_totals_csv(std::istream& in, const std::string& name,
                                                 const std::string& default_unit, const warn_fn& warn) {
  csv_reader csv(in, name);
  const auto h = read_header(csv, default_unit, true, totals_columns(), warn);
  std::map<std::string, emissions> totals;
  for_each_record(csv, h, [&](const csv_row& r) { read_total(r, h.unit, totals); });
  return totals;
}

std::vector<source> read_sources_csv(std::istream& in, const std::string& name, const std::string& default_unit,
                                     const warn_fn& warn) {
  csv_reader csv(in, name);
  const auto h = read_header(csv, default_unit, true, source_columns(), warn);
  std::vector<source> out;
  cut_doubts doubts;
  for_each_record(csv, h, [&](const csv_row& r) { out.push_back(read_source(r, h.unit, doubts)); });
  doubts.report(warn);
  return out;
}

std::vector<granted_exception> read_exceptions_csv(std::istream& in, const std::string& name, const warn_fn& warn) {
  csv_reader csv(in, name);
  const auto h = read_header(csv, "", false, exception_columns(), warn);
  std::vector<granted_exception> out;
  for_each_record(csv, h, [&](const csv_row& r) { out.push_back(read_exception(r)); });
  return out;
}

reduction_input read_reduction_json(std::string_view text, const std::string& name, const warn_fn& warn) {
  const auto j = detail::parse_json(text, name);
  try {
    const std::string unit = read_document_head(j, name);
    reduction_input out;
    for_each_object(j, "totals", total_keys, name, [&](const json_row& r) { read_total(r, unit, out.totals); });
    cut_doubts doubts;
    for_each_object(j, "sources", source_keys, name, [&](const json_row& r) {
      check_tiers(r);
      out.sources.push_back(read_source(r, unit, doubts));
    });
    if (j.contains("exceptions"))
      for_each_object(j, "exceptions", exception_keys, name,
                      [&](const json_row& r) { out.exceptions.push_back(read_exception(r)); });
    doubts.report(warn);
    return out;
  } catch (const json::exception& e) {  // not expected: every value's type is checked before use
    throw error(name + ": " + detail::json_message(e));
  }
}

}  // namespace hpa::io
