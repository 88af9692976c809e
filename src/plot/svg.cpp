#include "hpa/plot/svg.hpp"

#include <algorithm>
#include <cmath>

#include "hpa/io/document.hpp"
#include "hpa/io/utf8.hpp"

namespace hpa::plot::svg {

using namespace io;  // the readers and text helpers the pictures use

std::int64_t hundredths(double v) { return std::llround(v * 100.0); }

namespace {
std::string from_hundredths(std::int64_t h) {
  std::string s;
  if (h < 0) {
    s += '-';
    h = -h;
  }
  s += std::to_string(h / 100);
  if (const auto frac = h % 100) {
    s += '.';
    s += static_cast<char>('0' + frac / 10);
    if (frac % 10) s += static_cast<char>('0' + frac % 10);
  }
  return s;
}
}  // namespace

std::string num(double v) { return from_hundredths(hundredths(v)); }

std::string span(double a, double b) { return from_hundredths(hundredths(b) - hundredths(a)); }

std::string escape(std::string_view text) {
  static constexpr std::string_view replacement = "\uFFFD";
  std::string s;
  s.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      const auto n = utf8_sequence_length(text.substr(i));
      const auto seq = text.substr(i, std::max<std::size_t>(n, 1));
      // XML 1.0 has no place for U+FFFE and U+FFFF (EF BF BE, EF BF BF), nor for bytes that are not UTF-8
      if (n == 0 || seq == "\xEF\xBF\xBE" || seq == "\xEF\xBF\xBF")
        s += replacement;
      else
        s += seq;
      i += seq.size();
      continue;
    }
    if (const char* reference = io::markup_reference(c))
      s += reference;
    else  // C0 controls other than tab and line ends are not allowed in XML 1.0, even escaped
      s += static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c;
    ++i;
  }
  return s;
}

double text_width(std::string_view text, double font_px) {
  double em = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    // three- and four-byte UTF-8 from U+2E80 up: CJK ideographs, kana, full-width forms
    const bool wide = len == 4 || (len == 3 && (c > 0xE2 || (i + 1 < text.size() && c == 0xE2 &&
                                                             static_cast<unsigned char>(text[i + 1]) >= 0xBA)));
    em += wide ? 1.0 : 0.6;
    i += len;
  }
  return em * font_px;
}

std::string fit(std::string_view text, double font_px, double max_px) {
  if (text_width(text, font_px) <= max_px) return std::string(text);
  const double room = max_px - text_width("…", font_px);
  std::size_t end = 0;
  for (std::size_t i = 0; i < text.size();) {  // whole UTF-8 characters only
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (text_width(text.substr(0, i + len), font_px) > room) break;
    i += len;
    end = i;
  }
  return std::string(text.substr(0, end)) + "…";
}

void writer::begin(double width, double height, std::string_view title_text, std::string_view desc) {
  out_->append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  tag("svg")
      .at("xmlns", "http://www.w3.org/2000/svg")
      .at("width", num(width))
      .at("height", num(height))
      .at("viewBox", "0 0 " + num(width) + " " + num(height))
      .at("font-family", font_family)
      .at("role", "img")
      .open();
  title(title_text);
  tag("desc").text(desc);
  tag("rect").at("width", width).at("height", height).at("fill", "#ffffff").close();
}

void writer::end() { close("svg"); }

writer::element::element(std::string& out, std::string_view name) : out_(&out), name_(name) {
  out_->append("<").append(name);
}

writer::element& writer::element::at(std::string_view name, double v) {
  out_->append(" ").append(name).append("=\"").append(num(v)).append("\"");
  return *this;
}

writer::element& writer::element::at(std::string_view name, std::string_view v) {
  out_->append(" ").append(name).append("=\"").append(escape(v)).append("\"");
  return *this;
}

writer::element& writer::element::length(std::string_view name, double a, double b) {
  out_->append(" ").append(name).append("=\"").append(span(a, b)).append("\"");
  return *this;
}

void writer::element::close() { out_->append("/>\n"); }

void writer::element::text(std::string_view text) {
  out_->append(">").append(escape(text)).append("</").append(name_).append(">\n");
}

void writer::element::open() { out_->append(">\n"); }

void writer::close(std::string_view name) { out_->append("</").append(name).append(">\n"); }

void writer::title(std::string_view text) { tag("title").text(text); }

}  // namespace hpa::plot::svg
