#include "hpa/io/table.hpp"

#include <cmath>

namespace hpa::io {

const char* to_string(format f) noexcept {
  switch (f) {
    case format::csv:
      return "csv";
    case format::json:
      return "json";
    case format::jsonl:
      return "jsonl";
    case format::text:
      return "text";
  }
  return "csv";
}

bool from_string(std::string_view text, format& out) noexcept {
  for (auto f : {format::csv, format::json, format::jsonl, format::text})
    if (text == to_string(f)) {
      out = f;
      return true;
    }
  return false;
}

field field::string(std::string s) {
  auto text = csv_field(s);
  return {std::move(text), std::move(s)};
}

field field::string_or_null(std::string s) {
  if (s.empty()) return {{}, nullptr};
  return string(std::move(s));
}

field field::string_or_omitted(std::string s) {
  if (s.empty()) return {{}, nlohmann::ordered_json(nlohmann::ordered_json::value_t::discarded)};
  return string(std::move(s));
}

field field::number(double v, int decimals) {
  if (std::isnan(v)) return {{}, nullptr};
  auto text = format_number(v, decimals);
  const double shown = std::stod(text);  // the JSON number says what the CSV says
  return {std::move(text), shown};
}

field field::integer(std::int64_t v) { return {std::to_string(v), v}; }

field field::boolean(bool b) { return {b ? "true" : "false", b}; }

field field::time(hour_t h) {
  auto text = format_time(h);
  return {text, text};
}

field field::time(const std::optional<hour_t>& h) { return h ? time(*h) : field{{}, nullptr}; }

field field::custom(std::string text, nlohmann::ordered_json json) { return {std::move(text), std::move(json)}; }

std::string csv_header(const std::vector<column>& columns) {
  std::string head;
  for (const auto& c : columns)
    if (c.in != column_in::json_only) head += (head.empty() ? "" : ",") + c.name;
  return head;
}

std::string csv_row(const std::vector<column>& columns, const std::vector<field>& record) {
  std::string row;
  bool first = true;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].in == column_in::json_only) continue;
    if (!first) row += ',';
    row += record.at(i).text;
    first = false;
  }
  return row;
}

nlohmann::ordered_json json_object(const std::vector<column>& columns, const std::vector<field>& record) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].in != column_in::csv_only && !record.at(i).json.is_discarded())
      object[columns[i].name] = record[i].json;
  return object;
}

record_writer::record_writer(output& out, format f, std::vector<column> columns)
    : out_(out), format_(f), columns_(std::move(columns)) {
  if (format_ == format::csv) out_ << csv_header(columns_) << "\n";
}

record_writer::record_writer(output& out, format f, const std::vector<std::string>& names)
    : record_writer(out, f, [&] {
        std::vector<column> c;
        for (const auto& n : names) c.push_back({n});
        return c;
      }()) {}

void record_writer::write(const std::vector<field>& record) {
  if (format_ == format::csv) {
    out_ << csv_row(columns_, record) << "\n";
  } else if (format_ == format::jsonl) {
    out_ << json_object(columns_, record).dump() << "\n";
  } else {  // laid out as nlohmann's dump(2) of the whole array would be, one record at a time
    std::string indented = "  ";
    for (char c : json_object(columns_, record).dump(2)) {
      indented += c;
      if (c == '\n') indented += "  ";
    }
    out_ << (records_ == 0 ? "[\n" : ",\n") << indented;
  }
  ++records_;
}

std::string_view number_text::long_text(double v, int decimals) {
  long_ = format_number(v, decimals);
  return long_;
}

void record_writer::finish() {
  if (format_ == format::json) out_ << (records_ == 0 ? "[]\n" : "\n]\n");
}

}  // namespace hpa::io
