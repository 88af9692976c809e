// io/table.hpp: records out as CSV, a JSON array or JSON Lines, from one declaration of columns.
#include "hpa/io/table.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace hpa;
using namespace hpa::io;
namespace fs = std::filesystem;

namespace {
// The whole output of `write` (given a record_writer) in format f.
template <class Write>
std::string written(format f, const std::vector<column>& columns, Write write) {
  const fs::path path = fs::temp_directory_path() / ("hpa_table_test_" + std::string(to_string(f)));
  {
    output out(path.string());
    record_writer w(out, f, columns);
    write(w);
    w.finish();
    out.commit();
  }
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  fs::remove(path);
  return s.str();
}
}  // namespace

TEST_CASE("table: formats by name", "[table]") {
  format f = format::text;
  CHECK(from_string("jsonl", f));
  CHECK(f == format::jsonl);
  CHECK_FALSE(from_string("xml", f));
  CHECK(std::string(to_string(format::csv)) == "csv");
}

TEST_CASE("table: a field's CSV text and JSON value", "[table]") {
  CHECK(field::string("a,b").text == "\"a,b\"");
  CHECK(field::string("a,b").json == "a,b");
  CHECK(field::string_or_null("").json.is_null());
  CHECK(field::string_or_omitted("").json.is_discarded());
  CHECK(field::number(153.3333).text == "153.33");
  CHECK(field::number(153.3333).json == 153.33);  // the JSON says what the CSV says
  CHECK(field::number(std::nan("")).text.empty());
  CHECK(field::number(std::nan("")).json.is_null());
  CHECK(field::integer(-7).text == "-7");
  CHECK(field::boolean(true).json == true);
  CHECK(field::time(hour_t{25}).text == "1970-01-02T01:00");
  CHECK(field::time(std::optional<hour_t>{}).json.is_null());
}

TEST_CASE("table: columns kept out of the CSV or the JSON", "[table]") {
  const std::vector<column> cols = {{"a"}, {"b", column_in::csv_only}, {"c", column_in::json_only}};
  const std::vector<field> rec = {field::integer(1), field::string("x"), field::string_or_omitted("")};
  CHECK(csv_header(cols) == "a,b");
  CHECK(csv_row(cols, rec) == "1,x");
  CHECK(json_object(cols, rec).dump() == R"({"a":1})");
}

TEST_CASE("table: a writer's three forms", "[table]") {
  const std::vector<column> cols = {{"station"}, {"aqi"}};
  auto two = [](record_writer& w) {
    w.write({field::string("S 1"), field::number(87.5)});
    w.write({field::string("S,2"), field::number(std::nan(""))});
  };
  CHECK(written(format::csv, cols, two) == "station,aqi\nS 1,87.5\n\"S,2\",\n");
  CHECK(written(format::jsonl, cols, two) ==
        "{\"station\":\"S 1\",\"aqi\":87.5}\n{\"station\":\"S,2\",\"aqi\":null}\n");
  CHECK(written(format::json, cols, two) ==
        "[\n  {\n    \"station\": \"S 1\",\n    \"aqi\": 87.5\n  },\n  {\n    \"station\": \"S,2\",\n    \"aqi\": "
        "null\n  }\n]\n");
  CHECK(written(format::json, cols, [](record_writer&) {}) == "[]\n");
  CHECK(written(format::csv, cols, [](record_writer&) {}) == "station,aqi\n");
}

TEST_CASE("table: number_text writes what format_number writes, ties and halves too", "[table]") {
  number_text text;
  std::vector<double> values = {0,      -0.0,     0.004, -0.004, 0.005, 0.015, 0.125,         2.675,       1.0005,
                                99.995, 153.3333, 287.5, -2.5,   1e14,  1e16,  123456789.125, std::nan("")};
  for (int i = 0; i < 2000; ++i) values.push_back(i * 0.0005 - 0.3);  // every half of the last decimal shown
  for (double v : values)
    for (int d = 0; d <= 3; ++d) {
      INFO(v << " " << d);
      CHECK(std::string(text(v, d)) == format_number(v, d));
    }
}
